using Npgsql;

namespace ReportEngine.PostgreSql;

/// <summary>Reads nullable columns and the dataset's codes from a row.</summary>
internal static class ReaderExtensions
{
    public static T? Nullable<T>(this NpgsqlDataReader reader, int ordinal) where T : struct =>
        reader.IsDBNull(ordinal) ? null : reader.GetFieldValue<T>(ordinal);

    public static string? NullableText(this NpgsqlDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    public static TEnum Code<TEnum>(this NpgsqlDataReader reader, int ordinal) where TEnum : struct, Enum =>
        Evidence.CodeNames<TEnum>.TryParse(reader.GetString(ordinal), out var value)
            ? value
            : throw new InvalidDataException($"'{reader.GetString(ordinal)}' in column {reader.GetName(ordinal)} is not a {typeof(TEnum).Name} code");
}
