import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useCan } from '@/features/auth/hooks/use-can';

/**
 * Committee members and partners may open the workspace's links; they read, the API would refuse their writes. A
 * partner is told where its own changes are made (its organization, its cells' steps, its counts), not that only
 * evaluators may edit.
 */
export function ReadOnlyNotice() {
  const { t } = useTranslation();
  const { user } = useCan();
  if (user?.role === 'partner') {
    return (
      <div className="alert ws-alert--info" role="note">
        <p>{t('workspace.readOnlyPartner')}</p>
        <ul>
          {user.organizationId ? (
            <li>
              <Link to="/my-organization">{t('organizations.mine.nav')}</Link>
            </li>
          ) : null}
          <li>
            <Link to="/work-cells">{t('nav.workCells')}</Link>
          </li>
          <li>
            <Link to="/participation">{t('nav.participation')}</Link>
          </li>
        </ul>
      </div>
    );
  }
  return (
    <p className="alert ws-alert--info" role="note">
      {t('workspace.readOnly')}
    </p>
  );
}
