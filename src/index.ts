/** The programmatic API: a headless simulated terminal for any test runner. */
export { createSimulator, SIMULATION_START, BOOT_MS, type Simulator, type SimulatorOptions } from './device/simulator.js';
export { loadProfile, parseProfile, shippedProfileNames } from './profile/load-profile.js';
export type { Profile } from './profile/profile-schema.js';
export { confMedium, memoryMedium, type FlashMedium } from './store/flash-medium.js';
export type { FlashData, OperationRecord } from './store/flash-data.js';
export { PosSimError, ProfileError, StoreCorruptError, DeviceInUseError, UsageError } from './errors.js';
