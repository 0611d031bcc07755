-- The seeded catalog of CPOR.md §3. Program admins may change it later through the API;
-- ON CONFLICT keeps their changes if this script is ever replayed on a copy.
INSERT INTO programs (id, name, consent_window_days) VALUES
    ('osa-sell', 'OSA Sell', 7),
    ('osu-bizapps', 'OSU – Business Applications', 7),
    ('osu-m365', 'OSU – Microsoft 365', 7)
ON CONFLICT (id) DO NOTHING;

INSERT INTO products (id, solution_area, name, requires_technical_contact, active, sort_order) VALUES
    ('exchange-online', 'Microsoft365', 'Exchange Online', false, true, 10),
    ('sharepoint-online', 'Microsoft365', 'SharePoint Online', false, true, 20),
    ('onedrive', 'Microsoft365', 'OneDrive', false, true, 30),
    ('teams', 'Microsoft365', 'Microsoft Teams', false, true, 40),
    ('m365-apps', 'Microsoft365', 'Microsoft 365 Apps', false, true, 50),
    ('viva-engage', 'Microsoft365', 'Viva Engage', false, true, 60),
    ('intune', 'Microsoft365', 'Microsoft Intune', false, true, 70),
    ('entra-id-p1', 'Microsoft365', 'Microsoft Entra ID P1', false, true, 80),
    ('entra-id-p2', 'Microsoft365', 'Microsoft Entra ID P2', false, true, 90),
    ('defender-office-365', 'Microsoft365', 'Microsoft Defender for Office 365', false, true, 100),
    ('defender-endpoint', 'Microsoft365', 'Microsoft Defender for Endpoint', false, true, 110),
    ('windows-enterprise', 'Microsoft365', 'Windows Enterprise', false, true, 120),
    ('teams-phone', 'Microsoft365', 'Teams Phone', false, true, 130),
    ('dynamics-365-sales', 'BusinessApplications', 'Dynamics 365 Sales', true, true, 10),
    ('dynamics-365-customer-service', 'BusinessApplications', 'Dynamics 365 Customer Service', true, true, 20),
    ('dynamics-365-field-service', 'BusinessApplications', 'Dynamics 365 Field Service', true, true, 30),
    ('dynamics-365-project-operations', 'BusinessApplications', 'Dynamics 365 Project Operations', true, true, 40),
    ('dynamics-365-customer-insights', 'BusinessApplications', 'Dynamics 365 Customer Insights', true, true, 50),
    ('dynamics-365-finance', 'BusinessApplications', 'Dynamics 365 Finance', true, true, 60),
    ('dynamics-365-supply-chain', 'BusinessApplications', 'Dynamics 365 Supply Chain Management', true, true, 70),
    ('dynamics-365-commerce', 'BusinessApplications', 'Dynamics 365 Commerce', true, true, 80),
    ('dynamics-365-human-resources', 'BusinessApplications', 'Dynamics 365 Human Resources', true, true, 90),
    ('dynamics-365-business-central', 'BusinessApplications', 'Dynamics 365 Business Central', true, true, 100),
    ('power-apps', 'BusinessApplications', 'Power Apps', false, true, 110),
    ('power-automate', 'BusinessApplications', 'Power Automate', false, true, 120),
    ('power-bi-pro', 'BusinessApplications', 'Power BI Pro', false, true, 130),
    ('power-pages', 'BusinessApplications', 'Power Pages', false, true, 140)
ON CONFLICT (id) DO NOTHING;
