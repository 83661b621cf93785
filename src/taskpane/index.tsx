/** Entry of the task pane: find the host (Excel or a plain browser), then show the pane. */
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { connectExcel } from './excel-host';
import { detectHost } from './host';

const container = document.getElementById('container');
if (container) {
  void detectHost(connectExcel).then((host) => createRoot(container).render(<App host={host} />));
}
