export {
  couponReminderKeyOf,
  type DueReminder,
  dueCouponReminder,
  duePickupReminder,
  duePointsReminders,
  pickupReminderKeyOf,
  planReminders,
  pointsReminderKeyOf,
  type ReminderPlan,
  reminderWindowEndMs,
} from './expiryReminders'
export { couponExpiryMessage, pickupReminderMessage, pointsExpiryMessage, type SubscribeMessage } from './messages'
export { checkTemplateData, type TemplateData } from './templateData'
export {
  TEMPLATE_ID_VARIABLES,
  TEMPLATE_KEYS,
  type TemplateIds,
  type TemplateKey,
  templateIdsFrom,
  templateKeyOf,
} from './templateKeys'
export {
  characterStringValue,
  dateValue,
  fitText,
  numberValue,
  TEMPLATE_VALUE_LENGTH_MAX,
  thingValue,
} from './templateValues'
