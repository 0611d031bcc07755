using Cpor.Domain;

namespace Cpor.Web.Infrastructure;

/// <summary>
/// The problem answers each kind of endpoint declares in the OpenAPI document, written once per
/// kind so that endpoints of one kind cannot drift apart. Statuses come from
/// <see cref="Problems.StatusFor(ErrorKind)"/>, the mapping the answers themselves use.
/// </summary>
public static class ProducedProblems
{
    /// <summary>
    /// A change to an existing claim through <c>ClaimCommands.RunAsync</c>: a claim the caller may
    /// not see (404), a role that may not act (403), a stale If-Match (412), a state that refuses it
    /// (409), a rule it breaks (422).
    /// </summary>
    public static RouteHandlerBuilder ProducesClaimChangeProblems(this RouteHandlerBuilder builder) =>
        builder.ProducesProblems(ErrorKind.NotFound, ErrorKind.Forbidden, ErrorKind.PreconditionFailed, ErrorKind.Conflict, ErrorKind.Invalid);

    /// <summary>An edit that merges onto what the caller saw: a claim change that also requires If-Match (428).</summary>
    public static RouteHandlerBuilder ProducesClaimEditProblems(this RouteHandlerBuilder builder) =>
        builder.ProducesClaimChangeProblems().ProducesProblems(ErrorKind.PreconditionRequired);

    /// <summary>A customer admin's decision on a claim of their tenant: a claim change whose API sends no If-Match.</summary>
    public static RouteHandlerBuilder ProducesCustomerDecisionProblems(this RouteHandlerBuilder builder) =>
        builder.ProducesProblems(ErrorKind.NotFound, ErrorKind.Forbidden, ErrorKind.Conflict, ErrorKind.Invalid);

    /// <summary>A new record: a role that may not create it (403), one that already exists (409), a rule it breaks (422).</summary>
    public static RouteHandlerBuilder ProducesCreateProblems(this RouteHandlerBuilder builder) =>
        builder.ProducesProblems(ErrorKind.Forbidden, ErrorKind.Conflict, ErrorKind.Invalid);

    /// <summary>A read of one record by its id, absent or not the caller's to see (404).</summary>
    public static RouteHandlerBuilder ProducesReadProblems(this RouteHandlerBuilder builder) =>
        builder.ProducesProblems(ErrorKind.NotFound);

    private static RouteHandlerBuilder ProducesProblems(this RouteHandlerBuilder builder, params ErrorKind[] kinds)
    {
        foreach (var kind in kinds)
        {
            builder.ProducesProblem(Problems.StatusFor(kind));
        }

        return builder;
    }
}
