import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useDocumentTitle } from '@/lib/use-document-title';

export function NotFoundPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('app.notFound.title'));
  return (
    <>
      <h1>{t('app.notFound.title')}</h1>
      <p>{t('app.notFound.body')}</p>
      <p>
        <Link to="/plans">{t('app.notFound.back')}</Link>
      </p>
    </>
  );
}
