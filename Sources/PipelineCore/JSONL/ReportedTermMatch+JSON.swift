extension ReportedTermMatch {
    /// One match as a JSON object, keys in sorted order, as the `terms` command and stream mode
    /// have always written it.
    package func write(to json: inout JSONWriter) {
        json.appendRaw("{\"concept\":")
        json.appendString(concept)
        json.appendRaw(",\"end\":")
        json.appendInt(end)
        json.appendRaw(",\"kind\":")
        json.appendString(kind.rawValue)
        json.appendRaw(",\"source\":")
        json.appendString(source)
        json.appendRaw(",\"start\":")
        json.appendInt(start)
        json.appendRaw(",\"status\":")
        json.appendString(status.rawValue)
        json.appendRaw(",\"surface\":")
        json.appendString(surface)
        json.appendRaw(",\"target\":")
        json.appendString(target)
        json.appendRaw("}")
    }
}
