import { RouterProvider, type DataRouter } from 'react-router';

/** The app: `router` is a browser router (main.tsx) or a memory router (tests) over `routes`. */
export function App({ router }: { router: DataRouter }) {
  return <RouterProvider router={router} />;
}
