import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, NavLink, Outlet, useLocation, useNavigation } from 'react-router-dom';
import { isOneOf, PARTICIPATION_COUNTERS, PLAN_WRITERS } from '@repere/contract';
import { LanguageSwitch } from '@/components/language-switch';
import { useCurrentUser, useSignOut } from '@/features/auth/hooks/use-session';

function SessionInfo() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const signOut = useSignOut();
  return (
    <div className="session" aria-label={t('session.label')} role="group">
      {user.data ? (
        <p className="session__user">
          <span className="session__email">{user.data.email}</span>
          <span className="badge badge--role">{t(`role.${user.data.role}`, { defaultValue: user.data.role })}</span>
        </p>
      ) : null}
      <Link to="/account" className="button button--ghost">
        {t('account.nav')}
      </Link>
      <LanguageSwitch />
      <button type="button" className="button button--ghost" onClick={signOut}>
        {t('session.signOut')}
      </button>
    </div>
  );
}

export function AppLayout() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const navigation = useNavigation();
  const location = useLocation();
  const mainRef = useRef<HTMLElement>(null);
  const shownPath = useRef(location.pathname);

  // After moving to another page, start reading it from the top, as a full page load would.
  useEffect(() => {
    if (shownPath.current === location.pathname) return;
    shownPath.current = location.pathname;
    mainRef.current?.focus({ preventScroll: true });
    window.scrollTo(0, 0);
  }, [location.pathname]);

  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <header className="topbar">
        <div className="topbar__inner">
          <Link to="/plans" className="brand">
            {t('app.name')}
          </Link>
          <nav aria-label={t('nav.label')} className="nav">
            <ul>
              <li>
                <NavLink to="/plans">{t('nav.plans')}</NavLink>
              </li>
              <li>
                <NavLink to="/work-cells">{t('nav.workCells')}</NavLink>
              </li>
              <li>
                <NavLink to="/organizations">{t('nav.organizations')}</NavLink>
              </li>
              <li>
                <NavLink to="/questionnaires">{t('nav.questionnaires')}</NavLink>
              </li>
              {user.data?.role === 'partner' && user.data.organizationId ? (
                <li>
                  <NavLink to="/my-organization">{t('organizations.mine.nav')}</NavLink>
                </li>
              ) : null}
              {/* The steering committee reads; counts are entered by partners, evaluators and admins. */}
              {isOneOf(PARTICIPATION_COUNTERS, user.data?.role) ? (
                <li>
                  <NavLink to="/participation">{t('nav.participation')}</NavLink>
                </li>
              ) : null}
              {isOneOf(PLAN_WRITERS, user.data?.role) ? (
                <li>
                  <NavLink to="/workspace">{t('workspace.nav')}</NavLink>
                </li>
              ) : null}
              {isOneOf(PLAN_WRITERS, user.data?.role) ? (
                <li>
                  <NavLink to="/imports">{t('nav.imports')}</NavLink>
                </li>
              ) : null}
              {user.data?.role === 'admin' ? (
                <li>
                  <NavLink to="/admin/users">{t('users.nav')}</NavLink>
                </li>
              ) : null}
              {user.data?.role === 'admin' ? (
                <li>
                  <NavLink to="/admin/queues">{t('nav.queues')}</NavLink>
                </li>
              ) : null}
            </ul>
          </nav>
          <SessionInfo />
        </div>
        {navigation.state === 'loading' ? (
          <div className="topbar__loading" role="status">
            <span className="visually-hidden">{t('app.navigating')}</span>
          </div>
        ) : null}
      </header>
      <main id="main" ref={mainRef} className="content" tabIndex={-1}>
        <Outlet />
      </main>
    </div>
  );
}
