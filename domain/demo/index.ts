// The demo component's public surface: other layers import from here, never from its files.
export { DEMO_TENANT_ID, DEMO_USERS, demoDirectory, demoRoles } from './demo-data';
export { seedDemoData } from './seed';
