/** Entry of the task pane: find the host (WPS 表格, Excel or a plain browser), then show the pane. */
import { createRoot } from "react-dom/client";
import { App } from "./App";
import { connectExcel } from "./excel-host";
import { detectHost, fileHost, OFFICE_READY_TIMEOUT_MS } from "./host";
import type { PaneHost } from "./host";
import { detectWps } from "./wps-host";

const container = document.getElementById("container");
if (container) {
  const root = createRoot(container);
  const show = (host: PaneHost) => root.render(<App host={host} />);
  detectHost(connectExcel, OFFICE_READY_TIMEOUT_MS, detectWps).then(show, (e: unknown) => {
    // A pane that cannot reach its spreadsheet still works on files rather than staying blank.
    console.error(e);
    show(fileHost());
  });
}
