/**
 * Build of the task pane and the ribbon commands, after the Office React template:
 * `npm run build` (production, minified), `npm run dev-server` (https://localhost:3000
 * with the certificates of office-addin-dev-certs), `npm run watch`.
 *
 * `npm run build:wps` builds the same pane plus the WPS add-in's page (index.html + wps.js, the
 * ribbon's callbacks) and its ribbon.xml into dist-wps/site (env.wps; scripts/build-wps.ts then
 * packages it, docs/wps.md). The Excel build is unchanged by it.
 *
 * The pane's initial bundle is what Excel loads. The workbook-file readers and writer are only
 * needed in the browser's file mode, so the pane imports them dynamically: they land in chunks of
 * their own (the .xls/.ods/.csv readers in another, fetched only when such a file is picked).
 */
const fs = require('fs');
const path = require('path');
const CopyWebpackPlugin = require('copy-webpack-plugin');
const HtmlWebpackPlugin = require('html-webpack-plugin');

const DEV_URL = 'https://localhost:3000/';
const COMMANDS_ENTRY = './src/commands/commands.ts';
const COMMANDS_TEMPLATE = './src/commands/commands.html';
const WPS_ENTRY = './src/wps/main.ts';

async function getHttpsOptions() {
  // Required here, not at the top: a plain build must not touch the certificate store.
  const devCerts = require('office-addin-dev-certs');
  const httpsOptions = await devCerts.getHttpsServerOptions();
  return { ca: httpsOptions.ca, key: httpsOptions.key, cert: httpsOptions.cert };
}

/**
 * @param {Record<string, unknown>} env webpack-cli's env (WEBPACK_SERVE, WEBPACK_BUILD …)
 * @param {{ mode?: string }} options webpack-cli's options (mode)
 */
module.exports = async (env = {}, options = {}) => {
  const dev = options.mode === 'development';
  // The ribbon commands are built when their sources exist (they are a separate part of the add-in).
  const exists = (file) => fs.existsSync(path.resolve(__dirname, file));
  const withCommands = exists(COMMANDS_ENTRY) && exists(COMMANDS_TEMPLATE);
  // Where the add-in is deployed; the manifest's localhost URLs are rewritten to it in a production build.
  const publicUrl = process.env.ADDIN_PUBLIC_URL;

  // The WPS add-in's page and ribbon, only when asked for (npm run build:wps).
  const withWps = Boolean(env.wps);

  const entry = { taskpane: './src/taskpane/index.tsx' };
  if (withCommands) entry.commands = COMMANDS_ENTRY;
  if (withWps) entry.wps = WPS_ENTRY;

  const plugins = [
    new HtmlWebpackPlugin({
      filename: 'taskpane.html',
      template: './src/taskpane/taskpane.html',
      chunks: ['taskpane'],
      // The template starts the bundle itself, and not at all in Internet Explorer or Edge Legacy.
      inject: false,
    }),
    new CopyWebpackPlugin({
      patterns: [
        { from: 'assets/*', to: 'assets/[name][ext][query]', noErrorOnMissing: true },
        {
          from: 'manifest*.xml',
          to: '[name][ext]',
          noErrorOnMissing: true,
          transform(content) {
            if (dev || !publicUrl) return content;
            return content.toString().split(DEV_URL).join(publicUrl.endsWith('/') ? publicUrl : `${publicUrl}/`);
          },
        },
      ],
    }),
  ];
  if (withCommands) {
    plugins.push(
      new HtmlWebpackPlugin({
        filename: 'commands.html',
        template: COMMANDS_TEMPLATE,
        chunks: ['commands'],
      }),
    );
  }

  if (withWps) {
    plugins.push(
      new HtmlWebpackPlugin({
        filename: 'index.html',
        template: './src/wps/index.html',
        chunks: ['wps'],
        inject: 'body',
        scriptLoading: 'blocking',
      }),
      new CopyWebpackPlugin({ patterns: [{ from: 'src/wps/ribbon.xml', to: 'ribbon.xml' }] }),
    );
  }

  return {
    context: __dirname,
    mode: dev ? 'development' : 'production',
    devtool: 'source-map',
    entry,
    output: {
      path: path.resolve(__dirname, withWps ? 'dist-wps/site' : 'dist'),
      filename: '[name].js',
      chunkFilename: dev ? '[name].js' : '[name].[contenthash:8].js',
      clean: true,
    },
    resolve: {
      extensions: ['.ts', '.tsx', '.js'],
    },
    module: {
      rules: [
        {
          // Fluent UI's styles worked out at build time (Griffel's ahead-of-time transform): the pane
          // does not compute its components' CSS when it first paints (docs/pane-load.md).
          test: /\.js$/,
          include: /node_modules[\\/]@fluentui[\\/]/,
          use: { loader: '@griffel/webpack-loader' },
        },
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: [
            { loader: '@griffel/webpack-loader' },
            {
            loader: 'ts-loader',
            options: {
              transpileOnly: true,
              // ES modules, so that webpack sees `import()` and splits the file-mode chunks
              // (tsconfig's CommonJS would turn it into a plain require).
              compilerOptions: { module: 'es2020', moduleResolution: 'node' },
            },
            },
          ],
        },
        {
          test: /\.(png|jpg|jpeg|gif|ico)$/,
          type: 'asset/resource',
          generator: { filename: 'assets/[name][ext][query]' },
        },
      ],
    },
    plugins,
    optimization: {
      // ExcelJS stays inside the file-mode chunk that imports it, not in a vendors chunk of its own:
      // one file that only the browser's file mode ever fetches.
      splitChunks: { cacheGroups: { defaultVendors: false } },
    },
    performance: {
      // The ExcelJS chunk is big by nature and only loaded in file mode; warn on the pane's own bundle.
      assetFilter: (file) => file.endsWith('.js') && !/exceljs|xlsx/.test(file),
      maxEntrypointSize: 1024 * 1024,
      maxAssetSize: 1024 * 1024,
    },
    devServer: {
      hot: true,
      headers: { 'Access-Control-Allow-Origin': '*' },
      server: {
        type: 'https',
        options: env.WEBPACK_SERVE ? (options.https !== undefined ? options.https : await getHttpsOptions()) : undefined,
      },
      port: Number(process.env.npm_package_config_dev_server_port || 3000),
    },
  };
};
