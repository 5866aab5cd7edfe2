import { assignee } from './assignee';
import { channel } from './channel';
import { content } from './content';
import { createdAt } from './created-at';
import { event } from './event';
import { group } from './group';
import { intakeType } from './intake-type';
import { language } from './language';
import { priority } from './priority';
import { processingType } from './processing-type';
import { requesterEmail } from './requester-email';
import { requesterName } from './requester-name';
import { requesterPhone } from './requester-phone';
import { status } from './status';
import { subject } from './subject';
import type { Target } from './target';

export type { Target } from './target';
export { FIELD_PREFIX, fieldTarget, fieldValueType } from './field';

/** The built-in targets, in the order the editor lists them; fields follow as `field:<code>`. */
export const TARGETS: readonly Target[] = [event, status, intakeType, processingType, priority, channel, language, assignee, group, subject, content, requesterName, requesterEmail, requesterPhone, createdAt];
export const TARGETS_BY_ID: ReadonlyMap<string, Target> = new Map(TARGETS.map((t) => [t.id, t]));
