using Cpor.Domain;

namespace Cpor.Web.Infrastructure;

/// <summary>The result of a use case: a value, or the expected failures that refused it.</summary>
public readonly struct Outcome<T>
{
    private Outcome(T? value, IReadOnlyList<DomainError> errors)
    {
        Value = value;
        Errors = errors;
    }

    public T? Value { get; }

    public IReadOnlyList<DomainError> Errors { get; }

    public bool IsSuccess => Errors.Count == 0;

    public DomainError FirstError => Errors[0];

    public static Outcome<T> Success(T value) => new(value, []);

    public static Outcome<T> Failure(DomainError error) => new(default, [error]);

    public static Outcome<T> Failure(IReadOnlyList<DomainError> errors) => new(default, errors);

    public static implicit operator Outcome<T>(T value) => Success(value);

    public static implicit operator Outcome<T>(DomainError error) => Failure(error);
}
