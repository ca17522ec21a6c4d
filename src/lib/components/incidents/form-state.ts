/** What an incident page's actions return: each names its form, so only that form shows the outcome. */
export interface ActionForm {
	form?: string;
	success?: string;
	message?: string;
	fields?: Record<string, string>;
	values?: Record<string, string>;
}

export function formState(form: ActionForm | null | undefined) {
	const mine = (name: string) => (form?.form === name ? form : undefined);
	return {
		values: (name: string) => mine(name)?.values ?? {},
		fields: (name: string) => mine(name)?.fields ?? {},
		message: (name: string) => mine(name)?.message,
		success: (name: string) => mine(name)?.success
	};
}
