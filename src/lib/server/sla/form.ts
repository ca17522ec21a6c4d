import { wallClockToIso } from '../calendar/dates';

const text = (data: FormData, name: string) => String(data.get(name) ?? '').trim();

/** An optional `datetime-local` field: empty means absent. */
function optionalInstant(data: FormData, name: string, timeZone: string): string | undefined {
	const value = text(data, name);
	return value ? wallClockToIso(value, timeZone) : undefined;
}

/** The maintenance form as `createMaintenance` takes it; times are read on the client's wall clock. */
export function maintenanceInputFromForm(data: FormData, timeZone: string) {
	return {
		components: data.getAll('components').map(String),
		start: wallClockToIso(text(data, 'start'), timeZone),
		end: wallClockToIso(text(data, 'end'), timeZone),
		title: text(data, 'title'),
		announcedAt: optionalInstant(data, 'announcedAt', timeZone),
		approvedAt: optionalInstant(data, 'approvedAt', timeZone)
	};
}

/** The qualification form as `createQualification` takes it. */
export function qualificationInputFromForm(data: FormData, timeZone: string) {
	return {
		component: text(data, 'component'),
		start: wallClockToIso(text(data, 'start'), timeZone),
		end: wallClockToIso(text(data, 'end'), timeZone),
		cause: text(data, 'cause'),
		note: text(data, 'note')
	};
}
