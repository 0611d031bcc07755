namespace Cpor.Domain;

/// <summary>The stable error codes of the API. Renaming one breaks every integration.</summary>
public static class ErrorCodes
{
    // Directory and reference data (CPOR.md §7).
    public const string DomainTenantMismatch = "domain_tenant_mismatch";
    public const string TenantNotFound = "tenant_not_found";
    public const string TenantIdInvalid = "tenant_id_invalid";
    public const string DomainInvalid = "domain_invalid";
    public const string MpnIdInvalid = "mpn_id_invalid";
    public const string MpnNotInOrg = "mpn_not_in_org";
    public const string MpnNotEnrolled = "mpn_not_enrolled";
    public const string SolutionAreaInvalid = "solution_area_invalid";
    public const string ActivityInvalid = "activity_invalid";
    public const string ActivityNotInSolutionArea = "activity_not_in_solution_area";
    public const string ProductsRequired = "products_required";
    public const string ProductNotFound = "product_not_found";
    public const string ProductDuplicate = "product_duplicate";
    public const string ProductNotInSolutionArea = "product_not_in_solution_area";
    public const string WorkloadNotOnTenant = "workload_not_on_tenant";
    public const string SubscriptionRequired = "subscription_required";
    public const string SubscriptionIdInvalid = "subscription_id_invalid";
    public const string SubscriptionNotFound = "subscription_not_found";
    public const string SubscriptionNotOnTenant = "subscription_not_on_tenant";
    public const string SubscriptionNotApplicable = "subscription_not_applicable";
    public const string SubscriptionProductMismatch = "subscription_product_mismatch";
    public const string ProductNotOnTenant = "product_not_on_tenant";
    public const string SubscriptionNotDynamics = "subscription_not_dynamics";
    public const string SubscriptionIsCsp = "subscription_is_csp";
    public const string SubscriptionNotProvisioned = "subscription_not_provisioned";
    public const string SubscriptionNotActive = "subscription_not_active";
    public const string SubscriptionAlreadyClaimed = "subscription_already_claimed";
    public const string WorkloadAlreadyClaimed = "workload_already_claimed";

    // Required and well-formed fields.
    public const string ValueRequired = "value_required";
    public const string ValueTooLong = "value_too_long";
    public const string ValueInvalid = "value_invalid";
    public const string EmailInvalid = "email_invalid";
    public const string ContactRequired = "contact_required";
    public const string TechnicalContactRequired = "technical_contact_required";
    public const string RevenueFieldsRequired = "revenue_fields_required";
    public const string RevenueFieldsNotApplicable = "revenue_fields_not_applicable";
    public const string ExternalIdTaken = "external_id_taken";

    // Proof of execution.
    public const string PoeRequired = "poe_required";
    public const string AttachmentTooLarge = "attachment_too_large";
    public const string AttachmentTypeNotAllowed = "attachment_type_not_allowed";
    public const string AttachmentNameInvalid = "attachment_name_invalid";
    public const string AttachmentEmpty = "attachment_empty";
    public const string AttachmentRequired = "attachment_required";
    public const string AttachmentNotFound = "attachment_not_found";

    // Lifecycle.
    public const string InvalidTransition = "invalid_transition";
    public const string FieldNotEditable = "field_not_editable";
    public const string DisputeWindowClosed = "dispute_window_closed";
    public const string ConsentWindowClosed = "consent_window_closed";
    public const string NotYetDue = "not_yet_due";
    public const string InfoReasonsRequired = "info_reasons_required";
    public const string ReasonInvalid = "reason_invalid";
    public const string ReasonNotAllowed = "reason_not_allowed";
    public const string DisputeJustificationRequired = "dispute_justification_required";
    public const string CommentRequired = "comment_required";
    public const string UnitAlreadyAssociated = "unit_already_associated";

    // HTTP protocol.
    public const string VersionMismatch = "version_mismatch";
    public const string IfMatchRequired = "if_match_required";
    public const string IdempotencyKeyReused = "idempotency_key_reused";
    public const string IdempotencyKeyInvalid = "idempotency_key_invalid";
    public const string MalformedJson = "malformed_json";
    public const string MalformedRequest = "malformed_request";
    public const string RequestTooLarge = "request_too_large";
    public const string UnsupportedMediaType = "unsupported_media_type";
    public const string NotFound = "not_found";
    public const string Forbidden = "forbidden";
    public const string Unauthorized = "unauthorized";
    public const string InvalidCredentials = "invalid_credentials";
    public const string CursorInvalid = "cursor_invalid";
    public const string FilterInvalid = "filter_invalid";
    public const string RateLimited = "rate_limited";
    public const string ConcurrentUpdate = "concurrent_update";
    public const string InternalError = "internal_error";

    // Administration.
    public const string PartnerNotFound = "partner_not_found";
    public const string MpnIdTaken = "mpn_id_taken";
    public const string PartnerNameTaken = "partner_name_taken";
    public const string ProductIdInvalid = "product_id_invalid";
    public const string ProgramInvalid = "program_invalid";
    public const string RoleInvalid = "role_invalid";
    public const string RoleScopeInvalid = "role_scope_invalid";
    public const string EmailTaken = "email_taken";
    public const string PasswordTooWeak = "password_too_weak";
    public const string LanguageInvalid = "language_invalid";
    public const string DateInvalid = "date_invalid";
    public const string ImportMalformed = "import_malformed";
    public const string ImportTypeUnknown = "import_type_unknown";
    public const string DomainTaken = "domain_taken";

    // Associations and data (issue 5): the usage period of GET /api/v1/associations/{id}/usage, and
    // legacy associations imported through the directory (CPOR.md §9, §12).
    public const string UsageRangeInvalid = "usage_range_invalid";
    public const string LegacyProductNotAllowed = "legacy_product_not_allowed";
    public const string LegacySubscriptionExpired = "legacy_subscription_expired";
    public const string LegacyActiveFromInvalid = "legacy_active_from_invalid";
    public const string LegacyUnitHeld = "legacy_unit_held";

    // Review workflow, consent links, notifications and the clock (issue 3).
    public const string ConsentLinkInvalid = "consent_link_invalid";
}
