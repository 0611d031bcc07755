namespace Cpor.Domain;

/// <summary>
/// What kind of refusal an error code is. Every code declares one; the web layer turns each kind
/// into one HTTP status with an exhaustive switch, so a new kind cannot go unmapped.
/// </summary>
public enum ErrorKind
{
    /// <summary>The resource does not exist, or the caller may not know that it does (404).</summary>
    NotFound,

    /// <summary>The caller is known but may not do this (403).</summary>
    Forbidden,

    /// <summary>The caller is not signed in, or the credentials are wrong (401).</summary>
    Unauthorized,

    /// <summary>The request is valid but the current state refuses it (409).</summary>
    Conflict,

    /// <summary>The request is well formed but breaks a rule (422).</summary>
    Invalid,

    /// <summary>The request cannot be read: bad JSON, query, header or file (400).</summary>
    Malformed,

    /// <summary>The If-Match version is no longer the current one (412).</summary>
    PreconditionFailed,

    /// <summary>The change needs an If-Match version (428).</summary>
    PreconditionRequired,

    /// <summary>The body or a file is over its size limit (413).</summary>
    TooLarge,

    /// <summary>The body or a file is of a type not accepted here (415).</summary>
    UnsupportedMediaType,

    /// <summary>Too many requests or attempts (429).</summary>
    RateLimited,

    /// <summary>An unexpected failure on our side (500).</summary>
    Internal,
}
