// Users' roles: declared once in @repere/contract (the web app shows and hides by them too).
export { ROLES, type Role } from '@repere/contract';
