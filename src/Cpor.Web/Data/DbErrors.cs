using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Cpor.Web.Data;

/// <summary>Recognises the constraint violations that stand for business rules.</summary>
public static class DbErrors
{
    /// <summary>The name of the unique index a save violated, or null for any other failure.</summary>
    public static string? UniqueViolation(Exception e) =>
        (e as PostgresException ?? e.InnerException as PostgresException) is { SqlState: PostgresErrorCodes.UniqueViolation } pg
            ? pg.ConstraintName
            : null;

    public static bool IsConcurrencyConflict(Exception e) => e is DbUpdateConcurrencyException;
}
