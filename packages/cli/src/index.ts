export { CliError } from './cli-error';
export { nodeClient, type Credentials, type NodeClient } from './node-client';
export { describeReport, importRegion, type ImportReport } from './region-import';
