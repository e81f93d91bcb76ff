// Monaco's language workers, bundled by Vite into this app's own assets (no CDN).
import 'graphiql/setup-workers/vite';
import 'graphiql/style.css';
import '../shared/header.css';
import './playground.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { Playground } from './Playground';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <Playground />
  </StrictMode>,
);
