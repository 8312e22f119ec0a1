import { useTranslation } from 'react-i18next';

/** Committee members and partners may open the workspace's links; they read, the API would refuse their writes. */
export function ReadOnlyNotice() {
  const { t } = useTranslation();
  return (
    <p className="alert ws-alert--info" role="note">
      {t('workspace.readOnly')}
    </p>
  );
}
