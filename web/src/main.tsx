import { QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createBrowserRouter } from 'react-router';
import { App } from './App';
import { routes } from './app/routes';
import { createQueryClient } from './auth/queryClient';
import { registerServiceWorker } from './sw/register';
import './styles.css';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

const router = createBrowserRouter(routes);

createRoot(root).render(
  <StrictMode>
    <QueryClientProvider client={createQueryClient()}>
      <App router={router} />
    </QueryClientProvider>
  </StrictMode>,
);

// The offline shell (src/sw/sw.ts); not in development, where Vite serves the source.
if (import.meta.env.PROD) registerServiceWorker();
