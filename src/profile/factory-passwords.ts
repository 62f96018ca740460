/**
 * Factory passwords of common terminals (supervisor, operator, system administrator). They are
 * printed in every vendor's manual, so scripts may type them as they are; any other password is
 * typed from $POS_SIM_PASSWORD and never written down.
 */
export const FACTORY_PASSWORDS: readonly string[] = ['123456', '0000', '12345678', '000000', '888888'];

export const isFactoryPassword = (digits: string): boolean => FACTORY_PASSWORDS.includes(digits);

/** The test card's PIN in the shipped profiles, printed in the README: scripts may type it as it is. */
export const FACTORY_CARD_PIN = '147258';
