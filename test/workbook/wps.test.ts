import { describeWorkbookPortContract } from "./contract";
import { harnessFor, stateFrom } from "./wps-harness";

describeWorkbookPortContract("WpsWorkbook (WPS object model double)", async (seed) =>
  harnessFor(stateFrom(seed))
);
