import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { anonymousApi, call } from '@/lib/api/client';
import './demo-notice.css';

/**
 * Says, where a newcomer first lands (the sign-in page), that the demo's figures are generated from the seed
 * documents' structure, not real ones. Shown only when the API says the demo data is loaded; a deployment without it,
 * or an API that does not answer, shows nothing.
 */
export function DemoNotice() {
  const { t } = useTranslation();
  const health = useQuery({
    queryKey: ['health', 'demo'],
    queryFn: ({ signal }) => call(anonymousApi.GET('/api/health', { signal })),
    staleTime: Infinity,
    retry: false,
  });
  if (!health.data?.demo) return null;
  return (
    <section className="alert alert--demo" aria-labelledby="demo-notice-title">
      <h2 id="demo-notice-title">{t('demoNotice.title')}</h2>
      <p>{t('demoNotice.body')}</p>
    </section>
  );
}
