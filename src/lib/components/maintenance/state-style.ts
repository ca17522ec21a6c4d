/** The colour of a window's state in the calendar; its text label always goes with it. */
export const STATE_CLASS: Record<string, string> = {
	published: 'border-sky-300 bg-sky-50 text-sky-950',
	in_progress: 'border-amber-400 bg-amber-50 text-amber-950',
	completed: 'border-slate-300 bg-slate-100 text-slate-800',
	cancelled: 'border-rose-300 bg-rose-50 text-rose-950 line-through',
	draft: 'border-dashed border-slate-400 bg-white text-slate-800'
};

export const CALENDAR_STATES = ['published', 'in_progress', 'completed', 'cancelled'] as const;
