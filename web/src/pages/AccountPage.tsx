import { ChangePasswordForm } from '../account/ChangePasswordForm';
import { SignOutCard } from '../account/SignOutCard';
import { useCurrentUser } from '../auth/useCurrentUser';
import { PageHeader } from '../components/PageHeader';
import { ProfileCard } from '../components/ProfileCard';

export function AccountPage() {
  const user = useCurrentUser();
  return (
    <>
      <PageHeader title="Account" description="Your details, your password and your sessions." />
      <ProfileCard user={user} />
      <ChangePasswordForm email={user.email} />
      <SignOutCard />
    </>
  );
}
