using System.Reflection;

namespace Cpor.Domain;

/// <summary>
/// The stable error codes of the API. Renaming one breaks every integration. Each constant
/// declares its <see cref="ErrorKind"/> (and so its HTTP status) with <see cref="ErrorAttribute"/>;
/// a constant without one makes the first lookup through <see cref="All"/> or <see cref="Of"/> throw.
/// </summary>
public static class ErrorCodes
{
    // Directory and reference data (CPOR.md §7).
    [Error(ErrorKind.Invalid)] public const string DomainTenantMismatch = "domain_tenant_mismatch";
    [Error(ErrorKind.Invalid)] public const string TenantNotFound = "tenant_not_found";
    [Error(ErrorKind.Invalid)] public const string TenantIdInvalid = "tenant_id_invalid";
    [Error(ErrorKind.Invalid)] public const string DomainInvalid = "domain_invalid";
    [Error(ErrorKind.Invalid)] public const string MpnIdInvalid = "mpn_id_invalid";
    [Error(ErrorKind.Invalid)] public const string MpnNotInOrg = "mpn_not_in_org";
    [Error(ErrorKind.Invalid)] public const string MpnNotEnrolled = "mpn_not_enrolled";
    [Error(ErrorKind.Invalid)] public const string SolutionAreaInvalid = "solution_area_invalid";
    [Error(ErrorKind.Invalid)] public const string ActivityInvalid = "activity_invalid";
    [Error(ErrorKind.Invalid)] public const string ActivityNotInSolutionArea = "activity_not_in_solution_area";
    [Error(ErrorKind.Invalid)] public const string ProductsRequired = "products_required";
    [Error(ErrorKind.Invalid)] public const string ProductNotFound = "product_not_found";
    [Error(ErrorKind.Invalid)] public const string ProductDuplicate = "product_duplicate";
    [Error(ErrorKind.Invalid)] public const string ProductNotInSolutionArea = "product_not_in_solution_area";
    [Error(ErrorKind.Invalid)] public const string WorkloadNotOnTenant = "workload_not_on_tenant";
    [Error(ErrorKind.Invalid)] public const string SubscriptionRequired = "subscription_required";
    [Error(ErrorKind.Invalid)] public const string SubscriptionIdInvalid = "subscription_id_invalid";
    [Error(ErrorKind.Invalid)] public const string SubscriptionNotFound = "subscription_not_found";
    [Error(ErrorKind.Invalid)] public const string SubscriptionNotOnTenant = "subscription_not_on_tenant";
    [Error(ErrorKind.Invalid)] public const string SubscriptionNotApplicable = "subscription_not_applicable";
    [Error(ErrorKind.Invalid)] public const string SubscriptionProductMismatch = "subscription_product_mismatch";
    [Error(ErrorKind.Invalid)] public const string ProductNotOnTenant = "product_not_on_tenant";
    [Error(ErrorKind.Invalid)] public const string SubscriptionNotDynamics = "subscription_not_dynamics";
    [Error(ErrorKind.Invalid)] public const string SubscriptionIsCsp = "subscription_is_csp";
    [Error(ErrorKind.Invalid)] public const string SubscriptionNotProvisioned = "subscription_not_provisioned";
    [Error(ErrorKind.Invalid)] public const string SubscriptionNotActive = "subscription_not_active";
    [Error(ErrorKind.Conflict)] public const string SubscriptionAlreadyClaimed = "subscription_already_claimed";
    [Error(ErrorKind.Conflict)] public const string WorkloadAlreadyClaimed = "workload_already_claimed";

    // Required and well-formed fields.
    [Error(ErrorKind.Invalid)] public const string ValueRequired = "value_required";
    [Error(ErrorKind.Invalid)] public const string ValueTooLong = "value_too_long";
    [Error(ErrorKind.Invalid)] public const string ValueInvalid = "value_invalid";
    [Error(ErrorKind.Invalid)] public const string EmailInvalid = "email_invalid";
    [Error(ErrorKind.Invalid)] public const string ContactRequired = "contact_required";
    [Error(ErrorKind.Invalid)] public const string TechnicalContactRequired = "technical_contact_required";
    [Error(ErrorKind.Invalid)] public const string RevenueFieldsRequired = "revenue_fields_required";
    [Error(ErrorKind.Invalid)] public const string RevenueFieldsNotApplicable = "revenue_fields_not_applicable";
    [Error(ErrorKind.Conflict)] public const string ExternalIdTaken = "external_id_taken";

    // Proof of execution.
    [Error(ErrorKind.Invalid)] public const string PoeRequired = "poe_required";
    [Error(ErrorKind.TooLarge)] public const string AttachmentTooLarge = "attachment_too_large";
    [Error(ErrorKind.UnsupportedMediaType)] public const string AttachmentTypeNotAllowed = "attachment_type_not_allowed";
    [Error(ErrorKind.Invalid)] public const string AttachmentNameInvalid = "attachment_name_invalid";
    [Error(ErrorKind.Invalid)] public const string AttachmentEmpty = "attachment_empty";
    [Error(ErrorKind.Invalid)] public const string AttachmentRequired = "attachment_required";
    [Error(ErrorKind.NotFound)] public const string AttachmentNotFound = "attachment_not_found";

    // Lifecycle.
    [Error(ErrorKind.Conflict)] public const string InvalidTransition = "invalid_transition";
    [Error(ErrorKind.Conflict)] public const string FieldNotEditable = "field_not_editable";
    [Error(ErrorKind.Conflict)] public const string DisputeWindowClosed = "dispute_window_closed";
    [Error(ErrorKind.Conflict)] public const string DisputeNotAllowed = "dispute_not_allowed";
    [Error(ErrorKind.Conflict)] public const string ConsentWindowClosed = "consent_window_closed";
    [Error(ErrorKind.Conflict)] public const string NotYetDue = "not_yet_due";
    [Error(ErrorKind.Invalid)] public const string InfoReasonsRequired = "info_reasons_required";
    [Error(ErrorKind.Invalid)] public const string ReasonInvalid = "reason_invalid";
    [Error(ErrorKind.Invalid)] public const string ReasonNotAllowed = "reason_not_allowed";
    [Error(ErrorKind.Invalid)] public const string DisputeJustificationRequired = "dispute_justification_required";
    [Error(ErrorKind.Invalid)] public const string CommentRequired = "comment_required";
    [Error(ErrorKind.Conflict)] public const string UnitAlreadyAssociated = "unit_already_associated";
    [Error(ErrorKind.Conflict)] public const string HandoverPending = "handover_pending";

    // HTTP protocol: about the request and the transport, not business rules (Protocol = true;
    // docs/api-errors.md lists them in a table of their own).
    [Error(ErrorKind.PreconditionFailed, Protocol = true)] public const string VersionMismatch = "version_mismatch";
    [Error(ErrorKind.PreconditionRequired, Protocol = true)] public const string IfMatchRequired = "if_match_required";
    [Error(ErrorKind.Invalid, Protocol = true)] public const string IdempotencyKeyReused = "idempotency_key_reused";
    [Error(ErrorKind.Malformed, Protocol = true)] public const string IdempotencyKeyInvalid = "idempotency_key_invalid";
    [Error(ErrorKind.Malformed, Protocol = true)] public const string MalformedJson = "malformed_json";
    [Error(ErrorKind.Malformed, Protocol = true)] public const string MalformedRequest = "malformed_request";
    [Error(ErrorKind.TooLarge, Protocol = true)] public const string RequestTooLarge = "request_too_large";
    [Error(ErrorKind.UnsupportedMediaType, Protocol = true)] public const string UnsupportedMediaType = "unsupported_media_type";
    [Error(ErrorKind.NotFound, Protocol = true)] public const string NotFound = "not_found";
    [Error(ErrorKind.Forbidden, Protocol = true)] public const string Forbidden = "forbidden";
    [Error(ErrorKind.Unauthorized, Protocol = true)] public const string Unauthorized = "unauthorized";
    [Error(ErrorKind.Malformed, Protocol = true)] public const string CursorInvalid = "cursor_invalid";
    [Error(ErrorKind.Malformed, Protocol = true)] public const string FilterInvalid = "filter_invalid";
    [Error(ErrorKind.Malformed, Protocol = true)] public const string UnknownParameter = "unknown_parameter";
    [Error(ErrorKind.RateLimited, Protocol = true)] public const string RateLimited = "rate_limited";
    [Error(ErrorKind.Conflict, Protocol = true)] public const string ConcurrentUpdate = "concurrent_update";
    [Error(ErrorKind.Internal, Protocol = true)] public const string InternalError = "internal_error";

    // Sign-in.
    [Error(ErrorKind.Unauthorized)] public const string InvalidCredentials = "invalid_credentials";

    // Administration.
    [Error(ErrorKind.NotFound)] public const string PartnerNotFound = "partner_not_found";
    [Error(ErrorKind.Conflict)] public const string MpnIdTaken = "mpn_id_taken";
    [Error(ErrorKind.Conflict)] public const string PartnerNameTaken = "partner_name_taken";
    [Error(ErrorKind.Invalid)] public const string ProductIdInvalid = "product_id_invalid";
    [Error(ErrorKind.Invalid)] public const string ProgramInvalid = "program_invalid";
    [Error(ErrorKind.Invalid)] public const string RoleInvalid = "role_invalid";
    [Error(ErrorKind.Invalid)] public const string RoleScopeInvalid = "role_scope_invalid";
    [Error(ErrorKind.Conflict)] public const string EmailTaken = "email_taken";
    [Error(ErrorKind.Invalid)] public const string PasswordTooWeak = "password_too_weak";
    [Error(ErrorKind.Invalid)] public const string LanguageInvalid = "language_invalid";
    [Error(ErrorKind.Invalid)] public const string DateInvalid = "date_invalid";
    [Error(ErrorKind.Malformed)] public const string ImportMalformed = "import_malformed";
    [Error(ErrorKind.Invalid)] public const string ImportTypeUnknown = "import_type_unknown";
    [Error(ErrorKind.Invalid)] public const string DomainTaken = "domain_taken";

    // Associations and data: the usage period of GET /api/v1/associations/{id}/usage, and
    // legacy associations imported through the directory (CPOR.md §9, §12).
    [Error(ErrorKind.Malformed)] public const string UsageRangeInvalid = "usage_range_invalid";
    [Error(ErrorKind.Malformed)] public const string MonthInvalid = "month_invalid";
    [Error(ErrorKind.Invalid)] public const string LegacyProductNotAllowed = "legacy_product_not_allowed";
    [Error(ErrorKind.Invalid)] public const string LegacySubscriptionExpired = "legacy_subscription_expired";
    [Error(ErrorKind.Invalid)] public const string LegacyActiveFromInvalid = "legacy_active_from_invalid";
    [Error(ErrorKind.Invalid)] public const string LegacyUnitHeld = "legacy_unit_held";

    // Review workflow, consent links, notifications and the clock.
    [Error(ErrorKind.NotFound)] public const string ConsentLinkInvalid = "consent_link_invalid";

    /// <summary>Every code with its kind, by code.</summary>
    public static IReadOnlyDictionary<string, ErrorCode> All { get; } = Declared();

    /// <summary>The declaration of a code; an unknown code is a bug, not a 422.</summary>
    /// <exception cref="KeyNotFoundException">The code is not one of these constants.</exception>
    public static ErrorCode Of(string code) =>
        All.TryGetValue(code, out var declared) ? declared : throw new KeyNotFoundException($"'{code}' is not an error code of {nameof(ErrorCodes)}.");

    private static Dictionary<string, ErrorCode> Declared()
    {
        var all = new Dictionary<string, ErrorCode>(StringComparer.Ordinal);
        foreach (var field in typeof(ErrorCodes).GetFields(BindingFlags.Public | BindingFlags.Static).Where(f => f.IsLiteral))
        {
            var code = (string)field.GetRawConstantValue()!;
            var declared = field.GetCustomAttribute<ErrorAttribute>()
                ?? throw new InvalidOperationException($"{nameof(ErrorCodes)}.{field.Name} declares no [Error(ErrorKind...)].");
            if (!all.TryAdd(code, new ErrorCode(code, declared.Kind, declared.Protocol)))
            {
                throw new InvalidOperationException($"{nameof(ErrorCodes)}.{field.Name} repeats the code '{code}'.");
            }
        }

        return all;
    }
}
