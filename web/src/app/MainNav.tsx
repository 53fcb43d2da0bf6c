import { NavLink } from 'react-router';
import type { Role } from '../api/types';
import { navigationFor } from './pages';

interface Props {
  id: string;
  role: Role;
  /** On narrow screens the navigation shows only when opened with the menu button. */
  open: boolean;
}

/** The header's links: only the pages the role may open. */
export function MainNav({ id, role, open }: Props) {
  return (
    <nav id={id} className="main-nav" aria-label="Main" data-open={open ? 'true' : 'false'}>
      <ul>
        {navigationFor(role).map((page) => (
          <li key={page.path}>
            <NavLink to={page.path} end={page.path === '/'} className="nav-link">
              {page.label}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
