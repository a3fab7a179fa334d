import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App, registerServiceWorker, RootBoundary } from './app';
import { SimulationProvider, simulationStore } from './simulation';
import { RolecraftProvider, rolecraftStore } from './store';
import './styles.css';

const root = document.getElementById('root');
if (!root) throw new Error('missing #root element');
// An error a boundary caught is shown in its panel; the console gets a warning, not an error.
createRoot(root, {
  onCaughtError: (error, info) =>
    console.warn('rolecraft: a panel failed and shows why', error, info.componentStack),
}).render(
  <StrictMode>
    <RolecraftProvider store={rolecraftStore}>
      <SimulationProvider store={simulationStore}>
        <RootBoundary>
          <App />
        </RootBoundary>
      </SimulationProvider>
    </RolecraftProvider>
  </StrictMode>,
);
// Production builds only: precaches the build so that a reload offline opens the app.
registerServiceWorker();
