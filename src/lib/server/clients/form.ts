/** Form fields → service input: the fee is typed in euros, the overrides as JSON text. */
export function contractInputFromForm(data: FormData) {
	const fee = String(data.get('monthlyFee') ?? '')
		.trim()
		.replace(',', '.');
	const overridesText = String(data.get('overrides') ?? '').trim();
	let overrides: unknown = {};
	if (overridesText) {
		try {
			overrides = JSON.parse(overridesText);
		} catch {
			overrides = overridesText;
		}
	}
	return {
		preset: String(data.get('preset') ?? ''),
		monthlyFeeCents:
			fee === '' ? undefined : /^\d+(\.\d{1,2})?$/.test(fee) ? Math.round(Number(fee) * 100) : fee,
		overrides
	};
}

export function clientInputFromForm(data: FormData) {
	return {
		slug: String(data.get('slug') ?? ''),
		name: String(data.get('name') ?? ''),
		timezone: String(data.get('timezone') ?? '') || undefined,
		commissionedAt: String(data.get('commissionedAt') ?? '') || undefined
	};
}
