import { Button, Menu, MenuItem, MenuTrigger, Popover, Separator } from 'react-aria-components';
import type { User } from '../api/types';
import { roleLabel } from '../format/labels';

function initials(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  const letters = words.length > 1 ? [words[0], words.at(-1)] : words;
  return letters.map((w) => (w ? w.charAt(0).toUpperCase() : '')).join('');
}

interface Props {
  user: User;
  onSignOut: () => void;
  signingOut: boolean;
}

/** The signed-in user's menu: their account page and signing out (React Aria menu button). */
export function AccountMenu({ user, onSignOut, signingOut }: Props) {
  return (
    <MenuTrigger>
      <Button className="account-button">
        <span className="avatar" aria-hidden="true">
          {initials(user.name)}
        </span>
        <span className="whoami">
          <span className="whoami-name">{user.name}</span>
          <span className="whoami-role">{roleLabel(user.role)}</span>
        </span>
        <span className="chevron" aria-hidden="true" />
      </Button>
      <Popover className="menu-popover" placement="bottom end">
        <Menu className="menu">
          <MenuItem className="menu-item" href="/account">
            Account and password
          </MenuItem>
          <Separator className="menu-separator" />
          <MenuItem className="menu-item" onAction={onSignOut} isDisabled={signingOut}>
            {signingOut ? 'Signing out…' : 'Sign out'}
          </MenuItem>
        </Menu>
      </Popover>
    </MenuTrigger>
  );
}
