/**
 * The add-in manifest: well-formed, complete, every resource it names defined (and every defined
 * resource used), a zh-CN override for every string, and every localhost URL served by the build.
 */
import * as fs from "fs";
import * as path from "path";
import { ICON_SIZES, drawIcon, encodePng, iconFileName } from "../scripts/make-icons";
import { CORE_API_VERSION, apiSupport } from "../src/workbook/office";

const ROOT = path.resolve(__dirname, "..");
const DEV_URL = "https://localhost:3000/";

// ---------------------------------------------------------------------------------------------
// A small strict XML reader: elements, attributes, text, comments, the XML declaration. It throws
// on anything not well-formed (mismatched or unclosed tags, unquoted or repeated attributes,
// stray "<" or "&", more than one root).

interface XmlElement {
  name: string;
  attrs: Record<string, string>;
  children: XmlElement[];
  text: string;
}

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

function decode(s: string, where: number): string {
  if (/<|&(?!(amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);)/.test(s))
    throw new Error(`stray < or & near offset ${where}`);
  return s.replace(/&(#x[0-9a-fA-F]+|#\d+|\w+);/g, (_m, e: string) =>
    e.startsWith("#x")
      ? String.fromCodePoint(parseInt(e.slice(2), 16))
      : e.startsWith("#")
        ? String.fromCodePoint(Number(e.slice(1)))
        : ENTITIES[e]
  );
}

export function parseXml(xml: string): XmlElement {
  let i = 0;
  const skipMisc = () => {
    for (;;) {
      const ws = /^\s*/.exec(xml.slice(i))![0];
      i += ws.length;
      if (xml.startsWith("<?", i)) {
        const end = xml.indexOf("?>", i);
        if (end < 0) throw new Error("unclosed <?");
        i = end + 2;
      } else if (xml.startsWith("<!--", i)) {
        const end = xml.indexOf("-->", i);
        if (end < 0) throw new Error("unclosed comment");
        i = end + 3;
      } else return;
    }
  };
  const element = (): XmlElement => {
    const open = /^<([A-Za-z_][\w.:-]*)/.exec(xml.slice(i));
    if (!open) throw new Error(`expected an element at offset ${i}`);
    i += open[0].length;
    const el: XmlElement = { name: open[1], attrs: {}, children: [], text: "" };
    for (;;) {
      const attr = /^\s+([A-Za-z_][\w.:-]*)\s*=\s*("([^"]*)"|'([^']*)')/.exec(xml.slice(i));
      if (!attr) break;
      if (attr[1] in el.attrs) throw new Error(`attribute ${attr[1]} repeated on <${el.name}>`);
      el.attrs[attr[1]] = decode(attr[3] ?? attr[4], i);
      i += attr[0].length;
    }
    const end = /^\s*(\/?)>/.exec(xml.slice(i));
    if (!end) throw new Error(`malformed tag <${el.name}> at offset ${i}`);
    i += end[0].length;
    if (end[1]) return el;
    for (;;) {
      const next = xml.indexOf("<", i);
      if (next < 0) throw new Error(`<${el.name}> is not closed`);
      el.text += decode(xml.slice(i, next), i);
      i = next;
      if (xml.startsWith("<!--", i)) {
        const c = xml.indexOf("-->", i);
        if (c < 0) throw new Error("unclosed comment");
        i = c + 3;
      } else if (xml.startsWith("</", i)) {
        const close = /^<\/([A-Za-z_][\w.:-]*)\s*>/.exec(xml.slice(i));
        if (!close || close[1] !== el.name)
          throw new Error(`</${close?.[1]}> closes <${el.name}> at offset ${i}`);
        i += close[0].length;
        el.text = el.text.trim();
        return el;
      } else el.children.push(element());
    }
  };
  skipMisc();
  const root = element();
  skipMisc();
  if (i !== xml.length) throw new Error(`content after the root element at offset ${i}`);
  return root;
}

function all(el: XmlElement, name?: string): XmlElement[] {
  const out: XmlElement[] = [];
  const walk = (e: XmlElement) => {
    if (!name || e.name === name) out.push(e);
    e.children.forEach(walk);
  };
  el.children.forEach(walk);
  return out;
}

function child(el: XmlElement, name: string): XmlElement {
  const c = el.children.find((x) => x.name === name);
  if (!c) throw new Error(`<${el.name}> has no <${name}>`);
  return c;
}

// ---------------------------------------------------------------------------------------------

const manifestText = fs.readFileSync(path.join(ROOT, "manifest.xml"), "utf8");

describe("the XML reader of this test", () => {
  it.each([
    ["<a><b></a>", /closes/],
    ["<a x=1/>", /malformed/],
    ['<a x="1" x="2"/>', /repeated/],
    ["<a>fish & chips</a>", /stray/],
    ["<a/><b/>", /after the root/],
    ["<a>", /not closed/],
  ])("refuses %s", (xml, error) => {
    expect(() => parseXml(xml)).toThrow(error);
  });
});

describe("manifest.xml", () => {
  const root = parseXml(manifestText);
  const overrides = child(root, "VersionOverrides");
  const resources = child(overrides, "Resources");
  const defined = (group: string, item: string) =>
    new Map(all(child(resources, group), item).map((e) => [e.attrs.id, e]));
  const images = defined("bt:Images", "bt:Image");
  const urls = defined("bt:Urls", "bt:Url");
  const shortStrings = defined("bt:ShortStrings", "bt:String");
  const longStrings = defined("bt:LongStrings", "bt:String");

  it("is a task pane add-in for Excel workbooks, with read/write permission and en-US as default", () => {
    expect(root.name).toBe("OfficeApp");
    expect(root.attrs.xmlns).toBe("http://schemas.microsoft.com/office/appforoffice/1.1");
    expect(root.attrs["xsi:type"]).toBe("TaskPaneApp");
    expect(child(root, "Id").text).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/
    );
    expect(child(root, "Version").text).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
    expect(child(root, "DefaultLocale").text).toBe("en-US");
    expect(child(root, "Permissions").text).toBe("ReadWriteDocument");
    expect(child(child(root, "Hosts"), "Host").attrs.Name).toBe("Workbook");
    expect(overrides.attrs["xsi:type"]).toBe("VersionOverridesV1_0");
  });

  it("keeps the element order the manifest schema requires", () => {
    const order = [
      "Id",
      "Version",
      "ProviderName",
      "DefaultLocale",
      "DisplayName",
      "Description",
      "IconUrl",
      "HighResolutionIconUrl",
      "SupportUrl",
      "AppDomains",
      "Hosts",
      "Requirements",
      "DefaultSettings",
      "Permissions",
      "VersionOverrides",
    ];
    expect(root.children.map((c) => c.name)).toEqual(order);
  });

  it("requires the ExcelApi set the core path needs, no lower and no higher", () => {
    const sets = child(child(root, "Requirements"), "Sets");
    const set = all(sets, "Set");
    expect(set.map((s) => [s.attrs.Name, s.attrs.MinVersion])).toEqual([
      ["ExcelApi", CORE_API_VERSION],
    ]);
    // An Excel that meets the manifest runs the core path; one version below does not.
    const upTo = (max: string) => ({
      isSetSupported: (_n: string, v?: string) =>
        Number((v ?? "1.1").split(".")[1]) <= Number(max.split(".")[1]),
    });
    expect(apiSupport(upTo(CORE_API_VERSION)).core).toBe(true);
    expect(apiSupport(upTo("1.3")).core).toBe(false);
  });

  it("puts Validate (a function) and Open pane (the task pane) on the Home tab", () => {
    const tab = all(overrides, "OfficeTab")[0];
    expect(tab.attrs.id).toBe("TabHome");
    const controls = all(tab, "Control");
    const actions = controls.map((c) => child(c, "Action"));
    expect(actions.map((a) => a.attrs["xsi:type"])).toEqual(["ExecuteFunction", "ShowTaskpane"]);
    expect(child(actions[0], "FunctionName").text).toBe("validateSheet");
    expect(urls.get(child(actions[1], "SourceLocation").attrs.resid)?.attrs.DefaultValue).toBe(
      `${DEV_URL}taskpane.html`
    );
    expect(urls.get(all(overrides, "FunctionFile")[0].attrs.resid)?.attrs.DefaultValue).toBe(
      `${DEV_URL}commands.html`
    );
  });

  it("registers the function the Validate button names", () => {
    const commands = fs.readFileSync(path.join(ROOT, "src/commands/commands.ts"), "utf8");
    expect(commands).toMatch(/Office\.actions\.associate\(["']validateSheet["'], validateSheet\)/);
    expect(commands).toContain(".validateSheet = validateSheet");
  });

  it("defines every resource it refers to, of the right kind, and refers to every one it defines", () => {
    const kindOf = (e: XmlElement): Map<string, XmlElement> => {
      if (e.name === "bt:Image") return images;
      if (["FunctionFile", "SourceLocation", "LearnMoreUrl"].includes(e.name)) return urls;
      if (["Label", "Title"].includes(e.name)) return shortStrings;
      if (e.name === "Description") return longStrings;
      throw new Error(`unexpected resid on <${e.name}>`);
    };
    const used = new Set<string>();
    for (const e of all(child(overrides, "Hosts")).filter((x) => "resid" in x.attrs)) {
      expect([e.name, kindOf(e).has(e.attrs.resid)]).toEqual([e.name, true]);
      used.add(e.attrs.resid);
    }
    expect(
      [...images.keys(), ...urls.keys(), ...shortStrings.keys(), ...longStrings.keys()].filter(
        (id) => !used.has(id)
      )
    ).toEqual([]);
  });

  it("keeps resource ids within 32 characters and strings within their limits", () => {
    for (const id of [
      ...images.keys(),
      ...urls.keys(),
      ...shortStrings.keys(),
      ...longStrings.keys(),
    ]) {
      expect(id.length).toBeLessThanOrEqual(32);
    }
    for (const s of shortStrings.values()) {
      for (const v of [s.attrs.DefaultValue, ...s.children.map((o) => o.attrs.Value)])
        expect(v.length).toBeLessThanOrEqual(125);
    }
    for (const s of longStrings.values()) {
      for (const v of [s.attrs.DefaultValue, ...s.children.map((o) => o.attrs.Value)])
        expect(v.length).toBeLessThanOrEqual(250);
    }
  });

  it("has a zh-CN override for the display name, the description and every ribbon string", () => {
    const localised = [
      child(root, "DisplayName"),
      child(root, "Description"),
      ...shortStrings.values(),
      ...longStrings.values(),
    ];
    for (const e of localised) {
      const zh = e.children.find((o) => /Override$/.test(o.name) && o.attrs.Locale === "zh-CN");
      expect([e.attrs.id ?? e.name, zh?.attrs.Value ?? ""]).toEqual([
        e.attrs.id ?? e.name,
        expect.stringMatching(/[\u4e00-\u9fff]/),
      ]);
      expect(e.attrs.DefaultValue).toMatch(/^[\x20-\x7e\u4e00-\u9fff]+$/);
    }
  });

  it("serves every localhost URL from a file the build produces", async () => {
    // The build (webpack.config.js) emits the pages of its HtmlWebpackPlugins and copies assets/.

    const configure = require(path.join(ROOT, "webpack.config.js")) as (
      env: object,
      options: object
    ) => Promise<{ plugins: object[] }>;
    const config = await configure({}, { mode: "production" });
    const pages = config.plugins
      .map((p) => (p as { userOptions?: { filename?: string } }).userOptions?.filename)
      .filter((f): f is string => typeof f === "string");
    const copies = config.plugins
      .flatMap((p) => (p as { patterns?: { from: string }[] }).patterns ?? [])
      .map((p) => p.from);
    expect(copies).toContain("assets/*");

    const local = [...manifestText.matchAll(/https:\/\/localhost:3000\/[^"<\s]*/g)].map((m) =>
      m[0].slice(DEV_URL.length)
    );
    expect(local.length).toBeGreaterThan(5);
    for (const file of new Set(local)) {
      if (file.startsWith("assets/"))
        expect([file, fs.existsSync(path.join(ROOT, file))]).toEqual([file, true]);
      else expect([file, pages.includes(file)]).toEqual([file, true]);
    }
    expect(manifestText).toMatch(/<AppDomain>https:\/\/localhost:3000<\/AppDomain>/);
  });
});

describe("icons", () => {
  it.each(ICON_SIZES)(
    "assets/icon-%i.png is a PNG of its size, as scripts/make-icons.ts draws it",
    (size) => {
      const file = fs.readFileSync(path.join(ROOT, "assets", iconFileName(size)));
      expect(file.subarray(0, 8)).toEqual(
        Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])
      );
      expect(file.readUInt32BE(16)).toBe(size);
      expect(file.readUInt32BE(20)).toBe(size);
      expect(file.equals(encodePng(size, size, drawIcon(size)))).toBe(true);
    }
  );

  it("draws an opaque tile with transparent corners", () => {
    const px = drawIcon(32);
    const alpha = (x: number, y: number) => px[(y * 32 + x) * 4 + 3];
    expect(alpha(0, 0)).toBe(0);
    expect(alpha(16, 4)).toBe(255);
  });
});
