/** Entry of the task pane: find the host (Excel or a plain browser), then show the pane. */
import { createRoot } from "react-dom/client";
import { App } from "./App";
import { connectExcel } from "./excel-host";
import { detectHost, fileHost } from "./host";
import type { PaneHost } from "./host";

const container = document.getElementById("container");
if (container) {
  const root = createRoot(container);
  const show = (host: PaneHost) => root.render(<App host={host} />);
  detectHost(connectExcel).then(show, (e: unknown) => {
    // A pane that cannot reach Excel still works on files rather than staying blank.
    console.error(e);
    show(fileHost());
  });
}
