using Cpor.Web.Features.Claims;
using Cpor.Web.Infrastructure;
using Microsoft.Extensions.Localization;

namespace Cpor.Web.Pages.Partner.Claims;

/// <summary>An error of the customer check, for the input it is about.</summary>
public sealed record CustomerCheckError(string? Input, string Message);

/// <summary>A subscription for the form's picker, its label already in the person's language.</summary>
public sealed record SubscriptionChoice(string Id, string ProductId, string Label, bool Claimable);

/// <summary>What the claim form's script receives from the customer check.</summary>
public sealed record CustomerCheckJson(
    bool Ok, string? Message, IReadOnlyList<CustomerCheckError> Errors, IReadOnlyList<string> Workloads, IReadOnlyList<SubscriptionChoice> Subscriptions)
{
    public static CustomerCheckJson From(Outcome<CustomerCheck> check, Display display, IStringLocalizer messages, Func<string, string?> inputOf)
    {
        if (!check.IsSuccess)
        {
            return new(false, null, [.. check.Errors.Select(e => new CustomerCheckError(e.Field is null ? null : inputOf(e.Field), Problems.Detail(messages, e)))], [], []);
        }

        var customer = check.Value!;
        return new(
            true,
            display.CustomerFound(customer.TenantName),
            [],
            customer.Workloads,
            [.. customer.Subscriptions.OrderBy(s => s.Unclaimable is not null).Select(s => new SubscriptionChoice(s.Id.ToString("D"), s.ProductId, display.Subscription(s), s.Unclaimable is null))]);
    }
}
