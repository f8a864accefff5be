// Catalogued errors of the endpoint cells (deploy, invoke, monitor). English
// here; Korean in src/ui/i18n-errors/endpoints.ts. Rules as in ../messages.ts.
export const ENDPOINT_MESSAGES = {
  'deploy.noBest': { message: 'The monitor result has no {metric} for any variant yet, so there is no best one.', hint: 'Give the monitor cell the labels of the requests.' },
  'deploy.noRegistry': { message: 'This host keeps no model registry, so there is no registered model to deploy.', hint: 'Open the notebook in the workbench app.' },
  'deploy.notMonitor': { message: '"{name}" is not a monitor result.' },
  'deploy.noVariants': { message: 'Add at least one variant: a registered model and its traffic weight.' },
  'deploy.variantProblem': { message: 'Variant "{variant}": {detail}.' },
  'deploy.notSaved': {
    message: 'Variant "{variant}": "{model}" version {version} has no saved model, so the endpoint could not answer with it.',
    hint: 'Register a model kind that can be saved (trees, networks, linear models).',
  },
  'deploy.nameEndpoint': { message: 'Name the endpoint.' },
  'deploy.endpointProblem': { message: '{detail}' },
  'endpoint.noStore': {
    message: 'This host keeps no endpoints, so nothing can be deployed or invoked.',
    hint: 'Open the notebook in the workbench app or run it with ml-workbench run, which both keep endpoints.',
  },
  'endpoint.notEndpoint': { message: '"{name}" is not an endpoint: it should be the output of a deploy cell.' },
  'endpoint.gone': { message: 'There is no endpoint "{name}" any more.', hint: 'Run the deploy cell again.' },
  'invoke.notInService': { message: 'Endpoint "{name}" is not in service (undeployed in config {config}), so it answers no requests.', hint: 'Deploy it again first.' },
  'invoke.cannotLoad': { message: 'This host cannot load saved models, so the endpoint cannot answer.' },
  'invoke.nothingToSend': { message: 'Choose a table to send, or type one row.' },
  'invoke.noRows': { message: 'Table "{table}" has no rows to send.' },
  'invoke.keyMissing': { message: 'The key column "{column}" is not in the table.', hint: 'Columns: {columns}.' },
  'invoke.columnMissing': { message: 'The endpoint\'s model needs the column {columns}, which the rows sent do not have.' },
  'invoke.columnsMissing': { message: 'The endpoint\'s model needs the columns {columns}, which the rows sent do not have.' },
  'monitor.noConfig': { message: 'Endpoint "{name}" has no config {config} (it has {configs}).', hint: 'Run an invoke cell first.' },
  'monitor.noRequests': { message: 'Endpoint "{name}" has logged no requests yet.', hint: 'Run an invoke cell first.' },
  'monitor.columnNotIn': { message: 'Column "{column}" is not in "{table}".', hint: 'Columns: {columns}.' },
  'monitor.configNoRequests': { message: 'Config {config} of endpoint "{name}" has logged no requests.' },
  'monitor.columnNotBoth': { message: 'Column "{column}" is not both in the logged requests and in "{table}".' },
} as const;
