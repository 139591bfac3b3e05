/**
 * The plan: every step a deploy takes, in the order that never leaves the environment half
 * configured. Collections first, each locked by its security rule before anything can be written to
 * it; the storage rule; indexes (a unique index must exist before the first document that relies on
 * it); the first-run seed; then functions, the only thing clients can reach, once everything they
 * depend on is in place; their timer triggers last, since a trigger needs its function.
 */
import type { IndexDeclaration } from '../emulator/database/indexes'
import type { DeployConfiguration, FunctionDeployment, SecurityRule, TimerTrigger } from './configuration'

/** One step of a deploy. */
export type DeployStep =
  | { readonly kind: 'collection'; readonly collection: string }
  | { readonly kind: 'databaseRule'; readonly collection: string; readonly rule: SecurityRule }
  | { readonly kind: 'storageRule'; readonly rule: SecurityRule }
  | { readonly kind: 'index'; readonly collection: string; readonly index: IndexDeclaration }
  | { readonly kind: 'seed'; readonly brandName: string; readonly storeName: string }
  | { readonly kind: 'function'; readonly deployment: FunctionDeployment }
  | { readonly kind: 'trigger'; readonly functionName: string; readonly trigger: TimerTrigger }

/** What to deploy: everything, or (to roll one function back or forward) one function's code and config. */
export interface PlanOptions {
  readonly seed?: { readonly brandName: string; readonly storeName: string }
  readonly onlyFunction?: string
}

/** The steps for `configuration`, in deploy order. */
export function planDeploy(configuration: DeployConfiguration, options: PlanOptions = {}): readonly DeployStep[] {
  if (options.onlyFunction !== undefined) {
    const deployment = configuration.functions.find((candidate) => candidate.name === options.onlyFunction)
    if (!deployment) throw new Error(`no function ${options.onlyFunction} in cloudfunctions/`)
    return [{ kind: 'function', deployment }]
  }
  const { collections, functions } = configuration
  return [
    ...collections.map((collection): DeployStep => ({ kind: 'collection', collection: collection.name })),
    ...collections.map(
      (collection): DeployStep => ({ kind: 'databaseRule', collection: collection.name, rule: collection.rule }),
    ),
    { kind: 'storageRule', rule: configuration.storageRule },
    ...collections.flatMap((collection) =>
      collection.indexes.map((index): DeployStep => ({ kind: 'index', collection: collection.name, index })),
    ),
    ...(options.seed ? [{ kind: 'seed', ...options.seed } as const] : []),
    ...functions.map((deployment): DeployStep => ({ kind: 'function', deployment })),
    ...functions.flatMap((deployment) =>
      deployment.triggers.map((trigger): DeployStep => ({ kind: 'trigger', functionName: deployment.name, trigger })),
    ),
  ]
}

function describeIndex(index: IndexDeclaration): string {
  const fields = index.fields.map((field) => `${field.field} ${field.direction === 1 ? 'asc' : 'desc'}`).join(', ')
  return `${index.name} (${fields})${index.unique ? ' unique' : ''}`
}

function describeFunction(deployment: FunctionDeployment): string {
  const variables = deployment.environmentVariableNames.join(', ') || 'none'
  return `${deployment.name}: ${deployment.runtime}, ${deployment.timeoutS} s, ${deployment.memorySizeMb} MB, env ${variables}`
}

/** One line describing a step, as the plan and the deploy log print it. */
export function describeStep(step: DeployStep): string {
  switch (step.kind) {
    case 'collection':
      return `collection     ${step.collection}`
    case 'databaseRule':
      return `database rule  ${step.collection} ${JSON.stringify(step.rule)}`
    case 'storageRule':
      return `storage rule   ${JSON.stringify(step.rule)}`
    case 'index':
      return `index          ${step.collection}.${describeIndex(step.index)}`
    case 'seed':
      return `seed           programme "${step.brandName}", store "${step.storeName}", first admin invite`
    case 'function':
      return `function       ${describeFunction(step.deployment)}`
    case 'trigger':
      return `trigger        ${step.functionName}.${step.trigger.name} (${step.trigger.type} "${step.trigger.config}", UTC+8)`
  }
}

/** The plan as printed by `--dry-run`, one numbered line per step. */
export function formatPlan(envId: string, steps: readonly DeployStep[]): string {
  const width = String(steps.length).length
  const lines = steps.map((step, position) => `${String(position + 1).padStart(width)}. ${describeStep(step)}`)
  const triggers = steps.some((step) => step.kind === 'trigger')
    ? []
    : ['   (no timer triggers declared in cloudfunctions/*/config.json)']
  return [`Deploy plan for CloudBase environment ${envId}: ${steps.length} steps`, ...lines, ...triggers].join('\n')
}
