// Catalogued errors of the hosts and the kernel's guards: the browser host's
// dataset, URL and upload reads (src/datasets/browser.ts) and the tab's memory
// budgets (src/kernel/kernel.ts, src/worker/memoryWatch.ts). English here;
// Korean in src/ui/i18n-errors/host.ts. Rules as in ../messages.ts.
const SAME_ORIGIN_HINT = 'Load a bundled dataset, upload the file (Files in the sidebar), or put it on this app\'s own server.';

export const HOST_MESSAGES = {
  'host.datasetFetchFailed': { message: 'Cannot read dataset "{name}": {detail}.' },
  'host.urlFetchFailed': { message: 'Cannot read URL "{url}": {detail}.' },
  'host.datasetHttp': { message: 'Cannot read dataset "{name}": the server answered {status}.' },
  'host.urlHttp': { message: 'Cannot read URL "{url}": the server answered {status}.' },
  'host.noUpload': { message: 'There is no uploaded file with id "{id}" in this browser.', hint: 'Upload the file again (Files in the sidebar) and pick it in the load cell.' },
  'host.noDataset': { message: 'There is no bundled dataset named "{name}".', hint: 'Bundled datasets: {datasets}.' },
  'host.notBundled': { message: 'The dataset "{name}" is not bundled with this build of the app.' },
  'host.badUrl': { message: '"{url}" is not a valid URL.' },
  'host.otherOrigin': { message: 'Only URLs on the app\'s own origin can be loaded (like /data/sales.csv), not "{url}".', hint: SAME_ORIGIN_HINT },
  'budget.table': {
    message: 'The table "{name}" ({rows} rows × {columns} columns) is too large for this browser tab: its budget is {budget} values.',
    hint: 'Work on a sample (fewer rows or columns), or run the notebook headless (npx ml-workbench run), which has no such budget.',
  },
  'budget.tensors': {
    message: 'Stopped: this cell\'s tensors take {used}, over this browser tab\'s budget of {budget}; going on could crash the tab.',
    hint: 'Use a smaller batch size, fewer rows or a smaller model, and dispose tensors you no longer need (tf.tidy, tensor.dispose()).',
  },
} as const;
