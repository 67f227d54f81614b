/** The runtime layer: bundling, codegen, the function environment, executors, syscalls, registry, deployments. */
export * from "./types.ts";
export { bundleFunctions, BUNDLE_FILENAME, type BundleResult } from "./bundler/index.ts";
export { functionModuleFiles, isFunctionModule, modulePathOf, normalizeFiles } from "./bundler/entryPoints.ts";
export { generateCode, generateTypes, loadCodegenTemplates } from "./codegen/index.ts";
export {
  ENVIRONMENT_PRELUDE,
  PRELUDE_FILENAME,
  SLEEP_OP,
  successEnvelope,
  errorEnvelope,
  parseInvokeEnvelope,
  type HostBridge,
  type ImportDescription,
  type InvokeHttpMessage,
  type InvokeMessage,
  type ThrownInfo,
} from "./environment/index.ts";
export {
  applyEnvVarChanges,
  envVarNameProblem,
  envVarValueProblem,
  EnvironmentVariableError,
  BUILT_IN_ENV_VAR_NAMES,
  MAX_ENV_VARS,
  MAX_ENV_VARS_TOTAL_BYTES,
  MAX_ENV_VAR_NAME_LENGTH,
  MAX_ENV_VAR_VALUE_BYTES,
  type EnvVarChange,
} from "./environment/variables.ts";
export { InProcessExecutor } from "./executor/inProcess.ts";
export { createStackMapper, type StackMapper, type SourcePosition } from "./executor/stackTrace.ts";
export { timeoutMessage } from "./executor/contextRunner.ts";
export {
  registerSyscalls,
  globalSyscalls,
  SyscallTable,
  SyscallError,
  addressToPath,
  requireTransaction,
  requireWritable,
  toJson,
  fromJson,
  objectFromJson,
  patchFromJson,
  type SyscallGroup,
  type SyncSyscallHandler,
  type AsyncSyscallHandler,
  type CallContext,
  type DeploymentCore,
} from "./syscalls/index.ts";
export { FunctionRegistry, FunctionLookupError, parseFunctionPath } from "./registry/index.ts";
export { CallFailure, writeConflictMessage } from "./failures.ts";
export { LogCollector, MAX_LOG_LINES } from "./logLines.ts";
export { readFunctionsFolder } from "./bundler/folder.ts";
export {
  createDeployment,
  pushOrThrow,
  formatPushErrors,
  SandboxDeployment,
  DEFAULT_LIMITS,
  MAX_CALL_DEPTH,
  CALL_DEPTH_EXCEEDED,
  type RuntimeLimits,
  type SandboxDeploymentOptions,
  type FetchRequest,
  type FetchResponse,
} from "./deployment.ts";
