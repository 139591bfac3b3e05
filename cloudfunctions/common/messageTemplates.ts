import { type TemplateIds, templateIdsFrom } from '@shared/messages'

/** The subscribe-message template ids this deployment uses, from the function's environment variables. */
export function configuredTemplateIds(): TemplateIds {
  return templateIdsFrom(process.env)
}
