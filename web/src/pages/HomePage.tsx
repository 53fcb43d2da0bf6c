import type { User } from '../api/types';
import { PeopleSection } from '../components/PeopleSection';
import { ProfileCard } from '../components/ProfileCard';
import { roleLabel, seesPeople } from '../format/labels';

function firstName(name: string): string {
  return name.trim().split(/\s+/)[0] ?? name;
}

export function HomePage({ user }: { user: User }) {
  return (
    <main className="page">
      <div className="page-heading">
        <h1>Welcome, {firstName(user.name)}</h1>
        <p className="muted">
          {seesPeople(user.role)
            ? `Your ${roleLabel(user.role).toLowerCase()} home: the people in your scope.`
            : 'Your details in Coach.'}
        </p>
      </div>
      {seesPeople(user.role) ? <PeopleSection /> : <ProfileCard user={user} />}
    </main>
  );
}
