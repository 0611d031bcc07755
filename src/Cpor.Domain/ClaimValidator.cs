using System.Globalization;

namespace Cpor.Domain;

/// <summary>
/// Every check of CPOR.md §7 that a claim's own content must pass, against a snapshot of the
/// directory. Errors name the JSON field they are about; checks that depend on a field that is
/// already wrong are skipped, so each error is a real one.
/// </summary>
public static class ClaimValidator
{
    public const int MaxNameLength = 200;
    public const int MaxExternalIdLength = 100;
    public const int MaxEmailLength = 254;
    public const int MaxDomainLength = 253;
    public const int MaxProducts = 50;

    public static ClaimValidation Validate(ClaimInput input, DirectorySnapshot directory)
    {
        var errors = new List<DomainError>();
        var name = RequiredText(input.Name, "name", MaxNameLength, errors);
        var externalId = OptionalText(input.ExternalId, "externalId", MaxExternalIdLength, errors);

        var mpnId = input.MpnId?.Trim();
        if (string.IsNullOrEmpty(mpnId))
        {
            errors.Add(new DomainError(ErrorCodes.ValueRequired, "mpnId"));
            mpnId = null;
        }
        else if (!IsMpnId(mpnId))
        {
            errors.Add(new DomainError(ErrorCodes.MpnIdInvalid, "mpnId"));
            mpnId = null;
        }

        Guid? tenantId = null;
        if (string.IsNullOrWhiteSpace(input.TenantId))
        {
            errors.Add(new DomainError(ErrorCodes.ValueRequired, "tenantId"));
        }
        else if (Guid.TryParseExact(input.TenantId.Trim(), "D", out var parsedTenant))
        {
            tenantId = parsedTenant;
        }
        else
        {
            errors.Add(new DomainError(ErrorCodes.TenantIdInvalid, "tenantId"));
        }

        var domain = NormalizeDomain(input.CustomerDomain);
        if (string.IsNullOrWhiteSpace(input.CustomerDomain))
        {
            errors.Add(new DomainError(ErrorCodes.ValueRequired, "customerDomain"));
        }
        else if (domain is null)
        {
            errors.Add(new DomainError(ErrorCodes.DomainInvalid, "customerDomain"));
        }

        var area = ParseEnum<SolutionArea>(input.SolutionArea, "solutionArea", ErrorCodes.SolutionAreaInvalid, errors);
        var activity = ParseEnum<Activity>(input.Activity, "activity", ErrorCodes.ActivityInvalid, errors);
        var offered = area is { } a && activity is { } act && ActivityRules.IsOffered(a, act);
        if (area is not null && activity is not null && !offered)
        {
            errors.Add(new DomainError(ErrorCodes.ActivityNotInSolutionArea, "activity", activity.Value.ToString(), area.Value.ToString()));
        }

        if (mpnId is not null)
        {
            if (!directory.OrgMpns.TryGetValue(mpnId, out var mpn))
            {
                errors.Add(new DomainError(ErrorCodes.MpnNotInOrg, "mpnId", mpnId));
            }
            else if (offered && ActivityRules.ProgramFor(area!.Value, activity!.Value) is { } program && !mpn.Programs.Contains(program))
            {
                errors.Add(new DomainError(ErrorCodes.MpnNotEnrolled, "mpnId", mpnId, program));
            }
        }

        var tenant = directory.Tenant is { } t && t.Id == tenantId ? t : null;
        if (tenantId is not null && tenant is null)
        {
            errors.Add(new DomainError(ErrorCodes.TenantNotFound, "tenantId", tenantId.Value.ToString("D")));
        }
        else if (tenant is not null && domain is not null && !tenant.Domains.Contains(domain, StringComparer.OrdinalIgnoreCase))
        {
            errors.Add(new DomainError(ErrorCodes.DomainTenantMismatch, "customerDomain", domain, tenant.Id.ToString("D")));
        }

        var products = ValidateProducts(input.Products, area, activity, offered, tenant, directory, errors);

        var customerContact = ValidateContact(input.CustomerContact, "customerContact", requireTitle: true, errors);
        var partnerContact = ValidateContact(input.PartnerContact, "partnerContact", requireTitle: false, errors);
        var needsTechnical = input.Products?.Any(p => p.ProductId is { } id && directory.Products.TryGetValue(id.Trim(), out var info) && info.RequiresTechnicalContact) ?? false;
        Contact? technicalContact = null;
        if (IsBlank(input.TechnicalContact))
        {
            if (needsTechnical)
            {
                errors.Add(new DomainError(ErrorCodes.TechnicalContactRequired, "technicalContact"));
            }
        }
        else
        {
            technicalContact = ValidateContact(input.TechnicalContact, "technicalContact", requireTitle: true, errors);
        }

        var revenue = ValidateRevenue(input.RevenueAssociation, activity, errors);

        if (errors.Count > 0)
        {
            return new ClaimValidation(null, [], errors);
        }

        var details = new ClaimDetails(
            name!, externalId, mpnId!, tenantId!.Value, domain!, area!.Value, activity!.Value,
            customerContact!, technicalContact, partnerContact!, revenue);
        return new ClaimValidation(details, products, errors);
    }

    /// <summary>MPN IDs are digit strings (location IDs), at most ten digits.</summary>
    public static bool IsMpnId(string value) => value.Length is >= 1 and <= 10 && value.All(char.IsAsciiDigit);

    /// <summary>A lower-case host name with at least two labels, or null when it is not one.</summary>
    public static string? NormalizeDomain(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var domain = value.Trim().TrimEnd('.').ToLowerInvariant();
        if (domain.Length > MaxDomainLength)
        {
            return null;
        }

        var labels = domain.Split('.');
        var valid = labels.Length >= 2 && labels.All(label =>
            label.Length is >= 1 and <= 63
            && label.All(c => char.IsAsciiLetterOrDigit(c) || c == '-')
            && label[0] != '-' && label[^1] != '-');
        return valid ? domain : null;
    }

    /// <summary>A plain check: one @, something before it, a dotted host after it, no spaces or angle brackets.</summary>
    public static bool IsEmail(string value)
    {
        var at = value.IndexOf('@', StringComparison.Ordinal);
        return value.Length <= MaxEmailLength
            && at > 0
            && at == value.LastIndexOf('@')
            && !value.Any(c => char.IsWhiteSpace(c) || c is '<' or '>' or ',' or ';' or '"')
            && NormalizeDomain(value[(at + 1)..]) is not null;
    }

    private static List<ResolvedProduct> ValidateProducts(
        IReadOnlyList<ProductInput>? inputs, SolutionArea? area, Activity? activity, bool offered, TenantInfo? tenant, DirectorySnapshot directory, List<DomainError> errors)
    {
        var resolved = new List<ResolvedProduct>();
        if (inputs is null || inputs.Count == 0)
        {
            errors.Add(new DomainError(ErrorCodes.ProductsRequired, "products"));
            return resolved;
        }

        if (inputs.Count > MaxProducts)
        {
            errors.Add(new DomainError(ErrorCodes.ValueTooLong, "products", MaxProducts));
            return resolved;
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < inputs.Count; i++)
        {
            var field = $"products[{i}]";
            var input = inputs[i];
            var productId = input?.ProductId?.Trim();
            if (string.IsNullOrEmpty(productId))
            {
                errors.Add(new DomainError(ErrorCodes.ValueRequired, $"{field}.productId"));
                continue;
            }

            if (!directory.Products.TryGetValue(productId, out var product) || !product.Active)
            {
                errors.Add(new DomainError(ErrorCodes.ProductNotFound, $"{field}.productId", productId));
                continue;
            }

            var subscriptionText = input!.SubscriptionId?.Trim();
            if (!seen.Add(productId + "|" + subscriptionText?.ToLowerInvariant()))
            {
                errors.Add(new DomainError(ErrorCodes.ProductDuplicate, field, productId));
                continue;
            }

            if (area is null)
            {
                continue;
            }

            if (product.SolutionArea != area)
            {
                errors.Add(new DomainError(ErrorCodes.ProductNotInSolutionArea, $"{field}.productId", productId, area.Value.ToString()));
                continue;
            }

            if (tenant is null || !offered)
            {
                continue;
            }

            var unit = ActivityRules.UnitFor(area.Value);
            if (unit == UnitKind.Workload)
            {
                if (!string.IsNullOrEmpty(subscriptionText))
                {
                    errors.Add(new DomainError(ErrorCodes.SubscriptionNotApplicable, $"{field}.subscriptionId"));
                }
                else if (!tenant.Workloads.Contains(productId, StringComparer.Ordinal))
                {
                    errors.Add(new DomainError(ErrorCodes.WorkloadNotOnTenant, $"{field}.productId", productId));
                }
                else
                {
                    resolved.Add(new ResolvedProduct(productId, null, ActivityRules.UnitKey(activity!.Value, tenant.Id, productId, null), unit));
                }

                continue;
            }

            var subscription = ResolveSubscription(productId, subscriptionText, tenant, directory, field, errors);
            if (subscription is not null)
            {
                if (resolved.Any(r => r.SubscriptionId == subscription.Id))
                {
                    errors.Add(new DomainError(ErrorCodes.ProductDuplicate, field, productId));
                    continue;
                }

                resolved.Add(new ResolvedProduct(productId, subscription.Id, ActivityRules.UnitKey(activity!.Value, tenant.Id, productId, subscription.Id), unit));
            }
        }

        return resolved;
    }

    private static SubscriptionInfo? ResolveSubscription(
        string productId, string? subscriptionText, TenantInfo tenant, DirectorySnapshot directory, string field, List<DomainError> errors)
    {
        var subscriptionField = $"{field}.subscriptionId";
        if (!string.IsNullOrEmpty(subscriptionText))
        {
            if (!Guid.TryParseExact(subscriptionText, "D", out var subscriptionId))
            {
                errors.Add(new DomainError(ErrorCodes.SubscriptionIdInvalid, subscriptionField));
                return null;
            }

            if (!directory.Subscriptions.TryGetValue(subscriptionId, out var subscription))
            {
                errors.Add(new DomainError(ErrorCodes.SubscriptionNotFound, subscriptionField, subscriptionText));
                return null;
            }

            if (subscription.TenantId != tenant.Id)
            {
                errors.Add(new DomainError(ErrorCodes.SubscriptionNotOnTenant, subscriptionField, subscriptionText));
                return null;
            }

            if (!directory.Products.TryGetValue(subscription.ProductId, out var subscriptionProduct) || subscriptionProduct.SolutionArea != SolutionArea.BusinessApplications)
            {
                errors.Add(new DomainError(ErrorCodes.SubscriptionNotDynamics, subscriptionField, subscriptionText));
                return null;
            }

            if (subscription.ProductId != productId)
            {
                errors.Add(new DomainError(ErrorCodes.SubscriptionProductMismatch, subscriptionField, subscription.ProductId));
                return null;
            }

            if (subscription.Unclaimable(subscriptionField) is { } unclaimable)
            {
                errors.Add(unclaimable);
                return null;
            }

            return subscription;
        }

        var ofProduct = directory.Subscriptions.Values
            .Where(s => s.TenantId == tenant.Id && s.ProductId == productId)
            .OrderBy(s => s.Id)
            .ToList();
        if (ofProduct.Count == 0)
        {
            errors.Add(new DomainError(ErrorCodes.ProductNotOnTenant, $"{field}.productId", productId));
            return null;
        }

        var claimable = ofProduct.Where(s => s.Unclaimable(subscriptionField) is null).ToList();
        switch (claimable.Count)
        {
            case 1:
                return claimable[0];
            case 0:
                // Tell the partner why the only subscriptions there are cannot be claimed.
                errors.Add(ofProduct[0].Unclaimable(subscriptionField)!);
                return null;
            default:
                errors.Add(new DomainError(ErrorCodes.SubscriptionRequired, subscriptionField, productId, claimable.Count));
                return null;
        }
    }

    private static Contact? ValidateContact(ContactInput? input, string field, bool requireTitle, List<DomainError> errors)
    {
        var before = errors.Count;
        var name = ContactPart(input?.Name, $"{field}.name", required: true, errors);
        var title = ContactPart(input?.Title, $"{field}.title", required: requireTitle, errors);
        var email = ContactPart(input?.Email, $"{field}.email", required: true, errors);
        if (email is not null && !IsEmail(email))
        {
            errors.Add(new DomainError(ErrorCodes.EmailInvalid, $"{field}.email"));
        }

        return errors.Count == before ? new Contact(name!, requireTitle ? title : null, email!.ToLowerInvariant()) : null;
    }

    private static string? ContactPart(string? value, string field, bool required, List<DomainError> errors)
    {
        var trimmed = value?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            if (required)
            {
                errors.Add(new DomainError(ErrorCodes.ContactRequired, field));
            }

            return null;
        }

        return CheckText(trimmed, field, FreeText.MaxLineLength, errors);
    }

    private static RevenueAssociationDetails? ValidateRevenue(RevenueAssociationInput? input, Activity? activity, List<DomainError> errors)
    {
        if (activity != Activity.RevenueAssociation)
        {
            if (input is not null && !(string.IsNullOrWhiteSpace(input.SolutionSellerName) && string.IsNullOrWhiteSpace(input.CustomerName) && string.IsNullOrWhiteSpace(input.IsvProductName)))
            {
                errors.Add(new DomainError(ErrorCodes.RevenueFieldsNotApplicable, "revenueAssociation"));
            }

            return null;
        }

        var before = errors.Count;
        var seller = RevenuePart(input?.SolutionSellerName, "revenueAssociation.solutionSellerName", errors);
        var customer = RevenuePart(input?.CustomerName, "revenueAssociation.customerName", errors);
        var isv = RevenuePart(input?.IsvProductName, "revenueAssociation.isvProductName", errors);
        return errors.Count == before ? new RevenueAssociationDetails(seller!, customer!, isv!) : null;
    }

    private static string? RevenuePart(string? value, string field, List<DomainError> errors)
    {
        var trimmed = value?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            errors.Add(new DomainError(ErrorCodes.RevenueFieldsRequired, field));
            return null;
        }

        return CheckText(trimmed, field, FreeText.MaxLineLength, errors);
    }

    private static string? RequiredText(string? value, string field, int maxLength, List<DomainError> errors)
    {
        var trimmed = value?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            errors.Add(new DomainError(ErrorCodes.ValueRequired, field));
            return null;
        }

        return CheckText(trimmed, field, maxLength, errors);
    }

    /// <summary>Length, then no control characters: a one-line value never holds a NUL or a line break.</summary>
    private static string? CheckText(string trimmed, string field, int maxLength, List<DomainError> errors)
    {
        if (trimmed.Length > maxLength)
        {
            errors.Add(new DomainError(ErrorCodes.ValueTooLong, field, maxLength));
            return null;
        }

        if (trimmed.Any(char.IsControl))
        {
            errors.Add(new DomainError(ErrorCodes.ValueInvalid, field));
            return null;
        }

        return trimmed;
    }

    private static string? OptionalText(string? value, string field, int maxLength, List<DomainError> errors)
    {
        var trimmed = value?.Trim();
        return string.IsNullOrEmpty(trimmed) ? null : CheckText(trimmed, field, maxLength, errors);
    }

    private static TEnum? ParseEnum<TEnum>(string? value, string field, string code, List<DomainError> errors)
        where TEnum : struct, Enum
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            errors.Add(new DomainError(ErrorCodes.ValueRequired, field));
            return null;
        }

        // Names only: "1" must not parse as the second member.
        if (Enum.TryParse<TEnum>(value.Trim(), ignoreCase: false, out var parsed)
            && Enum.IsDefined(parsed)
            && !int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out _))
        {
            return parsed;
        }

        errors.Add(new DomainError(code, field, value));
        return null;
    }

    private static bool IsBlank(ContactInput? contact) =>
        contact is null || (string.IsNullOrWhiteSpace(contact.Name) && string.IsNullOrWhiteSpace(contact.Title) && string.IsNullOrWhiteSpace(contact.Email));
}
