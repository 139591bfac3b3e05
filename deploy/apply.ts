/**
 * Runs a plan against an environment through the management boundary, step by step in plan order,
 * and says what each step did. Every step is idempotent (create if missing, set to the declared
 * value), so a deploy that stopped half way is finished by running it again.
 */
import { STORAGE_BUCKET_VARIABLE } from '@shared/storage'
import type { CloudManagement, FunctionUpload } from './management'
import { type DeployStep, describeStep } from './plan'
import { PROGRAMME_DOCUMENT, seedDocuments } from './seed'

/** What applying needs besides the plan. */
export interface ApplyContext {
  readonly management: CloudManagement
  readonly functionRoot: string
  /** Values of the secrets that are set, by variable name. */
  readonly secretValues: Readonly<Record<string, string>>
  readonly nowMs: number
  readonly newInviteCode: () => string
  readonly log: (line: string) => void
}

function uploadOf(
  step: Extract<DeployStep, { kind: 'function' }>,
  context: ApplyContext,
  bucket: string,
): FunctionUpload {
  const environmentVariables: Record<string, string> = {}
  for (const name of step.deployment.environmentVariableNames) {
    const value = context.secretValues[name]
    if (value !== undefined) environmentVariables[name] = value
  }
  // Every function gets the bucket, as the emulator gives it: the ones that build file ids need it.
  environmentVariables[STORAGE_BUCKET_VARIABLE] = bucket
  return { deployment: step.deployment, functionRoot: context.functionRoot, environmentVariables }
}

async function deployFunction(
  step: Extract<DeployStep, { kind: 'function' }>,
  context: ApplyContext,
  bucket: () => Promise<string>,
): Promise<string> {
  const upload = uploadOf(step, context, await bucket())
  const { management } = context
  if (!(await management.functionExists(step.deployment.name))) {
    await management.createFunction(upload)
    return 'created'
  }
  await management.updateFunctionCode(upload)
  await management.updateFunctionConfig(upload)
  return `updated code and config (variables set: ${Object.keys(upload.environmentVariables).join(', ') || 'none'})`
}

async function seed(step: Extract<DeployStep, { kind: 'seed' }>, context: ApplyContext): Promise<string> {
  const { management } = context
  if (await management.documentExists(PROGRAMME_DOCUMENT.collection, PROGRAMME_DOCUMENT.id)) {
    return 'skipped: the environment already has a programme, nothing written'
  }
  const inviteCode = context.newInviteCode()
  const documents = seedDocuments({ ...step, nowMs: context.nowMs, inviteCode })
  for (const { collection, document } of documents) await management.addDocument(collection, document)
  return `wrote ${documents.map((entry) => `${entry.collection}/${entry.document._id}`).join(', ')}\n  First admin invite code (shown once, valid 24 h): ${inviteCode}`
}

async function applyStep(step: DeployStep, context: ApplyContext, bucket: () => Promise<string>): Promise<string> {
  const { management } = context
  switch (step.kind) {
    case 'collection':
      return (await management.ensureCollection(step.collection)) ? 'created' : 'exists'
    case 'databaseRule':
      await management.setDatabaseRule(step.collection, step.rule)
      return 'set'
    case 'storageRule':
      await management.setStorageRule(step.rule)
      return 'set'
    case 'index':
      // CloudBase recreates an index that is created again (dropping it meanwhile): create missing ones only.
      if (await management.indexExists(step.collection, step.index.name)) return 'exists'
      await management.createIndex(step.collection, step.index)
      return 'created'
    case 'seed':
      return seed(step, context)
    case 'function':
      return deployFunction(step, context, bucket)
    case 'trigger':
      await management.setTimerTrigger(step.functionName, step.trigger)
      return 'set'
  }
}

/** Applies every step in order; the first failure stops the deploy and is rethrown naming its step. */
export async function applyPlan(steps: readonly DeployStep[], context: ApplyContext): Promise<void> {
  // Asked once, at the first function, so that a plan without functions asks nothing.
  let bucketName: Promise<string> | null = null
  const bucket = () => {
    bucketName ??= context.management.storageBucket()
    return bucketName
  }
  for (const [position, step] of steps.entries()) {
    const label = `${position + 1}/${steps.length} ${describeStep(step)}`
    let outcome: string
    try {
      outcome = await applyStep(step, context, bucket)
    } catch (error) {
      throw new Error(`deploy stopped at step ${label}: ${(error as Error).message}`)
    }
    context.log(`${label}: ${outcome}`)
  }
}
