using Npgsql;

namespace ReportEngine.PostgreSql;

/// <summary>Reads nullable values and the dataset's codes from a row (text: <see cref="SqlCommands.TextOrNull"/>).</summary>
internal static class ReaderExtensions
{
    public static T? Nullable<T>(this NpgsqlDataReader reader, int ordinal) where T : struct =>
        reader.IsDBNull(ordinal) ? null : reader.GetFieldValue<T>(ordinal);

    public static TEnum Code<TEnum>(this NpgsqlDataReader reader, int ordinal) where TEnum : struct, Enum =>
        Evidence.CodeNames<TEnum>.TryParse(reader.GetString(ordinal), out var value)
            ? value
            : throw new InvalidDataException($"'{reader.GetString(ordinal)}' in column {reader.GetName(ordinal)} is not a {typeof(TEnum).Name} code");
}
