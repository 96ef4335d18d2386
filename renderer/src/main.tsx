import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import './styles/tokens.css';
import './styles/base.css';
import './styles/layout.css';
import './styles/components.css';
import './styles/features.css';
import './styles/audit.css';
import './styles/timeline.css';
import './styles/overview.css';
import './styles/investigation.css';
import './styles/investigation-tables.css';
import './styles/investigation-people.css';
import './styles/investigation-master-detail.css';
import './styles/investigation-tasks-notes.css';
import './styles/evidence.css';
import './styles/evidence-preview.css';
import './styles/obligations.css';
import './styles/roster.css';

const container = document.getElementById('root');
if (container === null) throw new Error('index.html has no #root element');

createRoot(container).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
