// Options of the subscription commands: day, time, time zone.
import { z } from 'zod';
import type { CommandOption } from '../command.js';
import { isTimeZone } from '../core/weeks.js';
import { tAll } from '../i18n.js';
import { WEEKDAYS, weekdayOf } from './words.js';

export const weekdaySchema = z
  .string()
  .refine((d) => weekdayOf(d) !== undefined, { message: 'weekday' })
  .transform((d) => weekdayOf(d)!);

/** `9:00`, `09:00`, `9h`, `9h30`, `21:15` → `HH:MM`. */
export const timeSchema = z
  .string()
  .transform((t) => /^(\d{1,2})(?:[:h](\d{2})?)?$/i.exec(t.trim()))
  .refine((m) => m !== null && Number(m[1]) <= 23 && Number(m[2] ?? 0) <= 59, { message: 'time' })
  .transform((m) => `${m![1].padStart(2, '0')}:${m![2] ?? '00'}`);

export const timeZoneSchema = z
  .string()
  .transform((t) => t.trim())
  .refine(isTimeZone, { message: 'timezone' })
  .transform((t) => new Intl.DateTimeFormat('en', { timeZone: t }).resolvedOptions().timeZone);

export const SCHEDULE_OPTIONS: CommandOption[] = [
  { name: 'day', type: 'string', choices: [...WEEKDAYS], description: tAll('commands.subscribe.options.day') },
  { name: 'time', type: 'string', description: tAll('commands.subscribe.options.time') },
  { name: 'timezone', type: 'string', autocomplete: 'timezone', description: tAll('commands.subscribe.options.timezone') },
];
