-- Contributors write only through the functions below. Each checks who is
-- calling, does the whole change, types and checks every value itself and
-- writes its own history, so what a contributor's login can do by raw SQL
-- is exactly what the app lets her do: answer her open offer, and submit a
-- draft of her piece (whose first draft moves the piece to where drafts
-- arrive). She keeps SELECT under row-level security, and nothing else.
--
-- No contributor can stall the team: editors' writes take the write lock
-- through masthead_lock_writes() (a row of masthead_write_lock, which no
-- contributor may lock or execute), no longer an advisory lock anyone can
-- take; her functions lock only her own rows, and tick a clock row of her
-- own, so a transaction she leaves open holds up nothing but writes to her
-- own piece (and those for a few seconds: see storage/postgres).

-- A date as Masthead writes it, or NULL: false for 2021-02-30, never an error.
CREATE OR REPLACE FUNCTION masthead_is_date(value text) RETURNS boolean
    LANGUAGE plpgsql IMMUTABLE SET search_path = pg_catalog, pg_temp AS $$
BEGIN
    RETURN value IS NULL
        OR (value ~ '^\d{4}-\d{2}-\d{2}$' AND to_char(value::date, 'YYYY-MM-DD') = value);
EXCEPTION WHEN datetime_field_overflow OR invalid_datetime_format THEN
    RETURN false;
END
$$;

-- A history time as Masthead writes it: UTC, RFC 3339, milliseconds.
CREATE FUNCTION masthead_now() RETURNS text
    LANGUAGE sql VOLATILE SET search_path = pg_catalog, pg_temp AS $$
    SELECT to_char(clock_timestamp() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')
$$;

-- A new id as the app makes them: a version 7 UUID (time first, so ids
-- made later sort later).
CREATE FUNCTION masthead_new_id() RETURNS text
    LANGUAGE sql VOLATILE SET search_path = pg_catalog, pg_temp AS $$
    SELECT substr(t, 1, 8) || '-' || substr(t, 9, 4) || '-7' || substr(r, 1, 3) || '-'
           || substr('89ab', get_byte(decode(substr(r, 4, 2), 'hex'), 0) % 4 + 1, 1)
           || substr(r, 6, 3) || '-' || substr(r, 9, 12)
      FROM (SELECT lpad(to_hex(floor(extract(epoch FROM clock_timestamp()) * 1000)::bigint), 12, '0') AS t,
                   replace(gen_random_uuid()::text, '-', '') AS r) x
$$;

-- The core's word rule (masthead-text's words.rs): a word is a run of
-- characters between separators (white space and the three long dashes)
-- holding at least one letter or digit. The two classes are Rust's own
-- char::is_whitespace and char::is_alphanumeric, written out by code point;
-- a test checks them against the Rust that builds the app.
CREATE FUNCTION masthead_count_words(body text) RETURNS integer
    LANGUAGE sql IMMUTABLE STRICT SET search_path = pg_catalog, pg_temp AS $$
    SELECT count(*)::integer
      FROM regexp_split_to_table(body, '[\u0009-\u000D\u0020\u0085\u00A0\u1680\u2000-\u200A\u2013-\u2015\u2028-\u2029\u202F\u205F\u3000]+') AS w
     WHERE w ~ '[\u0030-\u0039\u0041-\u005A\u0061-\u007A\u00AA\u00B2-\u00B3\u00B5\u00B9-\u00BA\u00BC-\u00BE\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u02C1\u02C6-\u02D1\u02E0-\u02E4\u02EC\u02EE\u0345\u0363-\u0374\u0376-\u0377\u037A-\u037D\u037F\u0386\u0388-\u038A\u038C\u038E-\u03A1\u03A3-\u03F5\u03F7-\u0481\u048A-\u052F\u0531-\u0556\u0559\u0560-\u0588\u05B0-\u05BD\u05BF\u05C1-\u05C2\u05C4-\u05C5\u05C7\u05D0-\u05EA\u05EF-\u05F2\u0610-\u061A\u0620-\u0657\u0659-\u0669\u066E-\u06D3\u06D5-\u06DC\u06E1-\u06E8\u06ED-\u06FC\u06FF\u0710-\u073F\u074D-\u07B1\u07C0-\u07EA\u07F4-\u07F5\u07FA\u0800-\u0817\u081A-\u082C\u0840-\u0858\u0860-\u086A\u0870-\u0887\u0889-\u088F\u0897\u08A0-\u08C9\u08D4-\u08DF\u08E3-\u08E9\u08F0-\u093B\u093D-\u094C\u094E-\u0950\u0955-\u0963\u0966-\u096F\u0971-\u0983\u0985-\u098C\u098F-\u0990\u0993-\u09A8\u09AA-\u09B0\u09B2\u09B6-\u09B9\u09BD-\u09C4\u09C7-\u09C8\u09CB-\u09CC\u09CE\u09D7\u09DC-\u09DD\u09DF-\u09E3\u09E6-\u09F1\u09F4-\u09F9\u09FC\u0A01-\u0A03\u0A05-\u0A0A\u0A0F-\u0A10\u0A13-\u0A28\u0A2A-\u0A30\u0A32-\u0A33\u0A35-\u0A36\u0A38-\u0A39\u0A3E-\u0A42\u0A47-\u0A48\u0A4B-\u0A4C\u0A51\u0A59-\u0A5C\u0A5E\u0A66-\u0A75\u0A81-\u0A83\u0A85-\u0A8D\u0A8F-\u0A91\u0A93-\u0AA8\u0AAA-\u0AB0\u0AB2-\u0AB3\u0AB5-\u0AB9\u0ABD-\u0AC5\u0AC7-\u0AC9\u0ACB-\u0ACC\u0AD0\u0AE0-\u0AE3\u0AE6-\u0AEF\u0AF9-\u0AFC\u0B01-\u0B03\u0B05-\u0B0C\u0B0F-\u0B10\u0B13-\u0B28\u0B2A-\u0B30\u0B32-\u0B33\u0B35-\u0B39\u0B3D-\u0B44\u0B47-\u0B48\u0B4B-\u0B4C\u0B56-\u0B57\u0B5C-\u0B5D\u0B5F-\u0B63\u0B66-\u0B6F\u0B71-\u0B77\u0B82-\u0B83\u0B85-\u0B8A\u0B8E-\u0B90\u0B92-\u0B95\u0B99-\u0B9A\u0B9C\u0B9E-\u0B9F\u0BA3-\u0BA4\u0BA8-\u0BAA\u0BAE-\u0BB9\u0BBE-\u0BC2\u0BC6-\u0BC8\u0BCA-\u0BCC\u0BD0\u0BD7\u0BE6-\u0BF2\u0C00-\u0C0C\u0C0E-\u0C10\u0C12-\u0C28\u0C2A-\u0C39\u0C3D-\u0C44\u0C46-\u0C48\u0C4A-\u0C4C\u0C55-\u0C56\u0C58-\u0C5A\u0C5C-\u0C5D\u0C60-\u0C63\u0C66-\u0C6F\u0C78-\u0C7E\u0C80-\u0C83\u0C85-\u0C8C\u0C8E-\u0C90\u0C92-\u0CA8\u0CAA-\u0CB3\u0CB5-\u0CB9\u0CBD-\u0CC4\u0CC6-\u0CC8\u0CCA-\u0CCC\u0CD5-\u0CD6\u0CDC-\u0CDE\u0CE0-\u0CE3\u0CE6-\u0CEF\u0CF1-\u0CF3\u0D00-\u0D0C\u0D0E-\u0D10\u0D12-\u0D3A\u0D3D-\u0D44\u0D46-\u0D48\u0D4A-\u0D4C\u0D4E\u0D54-\u0D63\u0D66-\u0D78\u0D7A-\u0D7F\u0D81-\u0D83\u0D85-\u0D96\u0D9A-\u0DB1\u0DB3-\u0DBB\u0DBD\u0DC0-\u0DC6\u0DCF-\u0DD4\u0DD6\u0DD8-\u0DDF\u0DE6-\u0DEF\u0DF2-\u0DF3\u0E01-\u0E3A\u0E40-\u0E46\u0E4D\u0E50-\u0E59\u0E81-\u0E82\u0E84\u0E86-\u0E8A\u0E8C-\u0EA3\u0EA5\u0EA7-\u0EB9\u0EBB-\u0EBD\u0EC0-\u0EC4\u0EC6\u0ECD\u0ED0-\u0ED9\u0EDC-\u0EDF\u0F00\u0F20-\u0F33\u0F40-\u0F47\u0F49-\u0F6C\u0F71-\u0F83\u0F88-\u0F97\u0F99-\u0FBC\u1000-\u1036\u1038\u103B-\u1049\u1050-\u109D\u10A0-\u10C5\u10C7\u10CD\u10D0-\u10FA\u10FC-\u1248\u124A-\u124D\u1250-\u1256\u1258\u125A-\u125D\u1260-\u1288\u128A-\u128D\u1290-\u12B0\u12B2-\u12B5\u12B8-\u12BE\u12C0\u12C2-\u12C5\u12C8-\u12D6\u12D8-\u1310\u1312-\u1315\u1318-\u135A\u1369-\u137C\u1380-\u138F\u13A0-\u13F5\u13F8-\u13FD\u1401-\u166C\u166F-\u167F\u1681-\u169A\u16A0-\u16EA\u16EE-\u16F8\u1700-\u1713\u171F-\u1733\u1740-\u1753\u1760-\u176C\u176E-\u1770\u1772-\u1773\u1780-\u17B3\u17B6-\u17C8\u17D7\u17DC\u17E0-\u17E9\u17F0-\u17F9\u1810-\u1819\u1820-\u1878\u1880-\u18AA\u18B0-\u18F5\u1900-\u191E\u1920-\u192B\u1930-\u1938\u1946-\u196D\u1970-\u1974\u1980-\u19AB\u19B0-\u19C9\u19D0-\u19DA\u1A00-\u1A1B\u1A20-\u1A5E\u1A61-\u1A74\u1A80-\u1A89\u1A90-\u1A99\u1AA7\u1ABF-\u1AC0\u1ACC-\u1ACE\u1B00-\u1B33\u1B35-\u1B43\u1B45-\u1B4C\u1B50-\u1B59\u1B80-\u1BA9\u1BAC-\u1BE5\u1BE7-\u1BF1\u1C00-\u1C36\u1C40-\u1C49\u1C4D-\u1C7D\u1C80-\u1C8A\u1C90-\u1CBA\u1CBD-\u1CBF\u1CE9-\u1CEC\u1CEE-\u1CF3\u1CF5-\u1CF6\u1CFA\u1D00-\u1DBF\u1DD3-\u1DF4\u1E00-\u1F15\u1F18-\u1F1D\u1F20-\u1F45\u1F48-\u1F4D\u1F50-\u1F57\u1F59\u1F5B\u1F5D\u1F5F-\u1F7D\u1F80-\u1FB4\u1FB6-\u1FBC\u1FBE\u1FC2-\u1FC4\u1FC6-\u1FCC\u1FD0-\u1FD3\u1FD6-\u1FDB\u1FE0-\u1FEC\u1FF2-\u1FF4\u1FF6-\u1FFC\u2070-\u2071\u2074-\u2079\u207F-\u2089\u2090-\u209C\u2102\u2107\u210A-\u2113\u2115\u2119-\u211D\u2124\u2126\u2128\u212A-\u212D\u212F-\u2139\u213C-\u213F\u2145-\u2149\u214E\u2150-\u2189\u2460-\u249B\u24B6-\u24FF\u2776-\u2793\u2C00-\u2CE4\u2CEB-\u2CEE\u2CF2-\u2CF3\u2CFD\u2D00-\u2D25\u2D27\u2D2D\u2D30-\u2D67\u2D6F\u2D80-\u2D96\u2DA0-\u2DA6\u2DA8-\u2DAE\u2DB0-\u2DB6\u2DB8-\u2DBE\u2DC0-\u2DC6\u2DC8-\u2DCE\u2DD0-\u2DD6\u2DD8-\u2DDE\u2DE0-\u2DFF\u2E2F\u3005-\u3007\u3021-\u3029\u3031-\u3035\u3038-\u303C\u3041-\u3096\u309D-\u309F\u30A1-\u30FA\u30FC-\u30FF\u3105-\u312F\u3131-\u318E\u3192-\u3195\u31A0-\u31BF\u31F0-\u31FF\u3220-\u3229\u3248-\u324F\u3251-\u325F\u3280-\u3289\u32B1-\u32BF\u3400-\u4DBF\u4E00-\uA48C\uA4D0-\uA4FD\uA500-\uA60C\uA610-\uA62B\uA640-\uA66E\uA674-\uA67B\uA67F-\uA6EF\uA717-\uA71F\uA722-\uA788\uA78B-\uA7DC\uA7F1-\uA805\uA807-\uA827\uA830-\uA835\uA840-\uA873\uA880-\uA8C3\uA8C5\uA8D0-\uA8D9\uA8F2-\uA8F7\uA8FB\uA8FD-\uA92A\uA930-\uA952\uA960-\uA97C\uA980-\uA9B2\uA9B4-\uA9BF\uA9CF-\uA9D9\uA9E0-\uA9FE\uAA00-\uAA36\uAA40-\uAA4D\uAA50-\uAA59\uAA60-\uAA76\uAA7A-\uAABE\uAAC0\uAAC2\uAADB-\uAADD\uAAE0-\uAAEF\uAAF2-\uAAF5\uAB01-\uAB06\uAB09-\uAB0E\uAB11-\uAB16\uAB20-\uAB26\uAB28-\uAB2E\uAB30-\uAB5A\uAB5C-\uAB69\uAB70-\uABEA\uABF0-\uABF9\uAC00-\uD7A3\uD7B0-\uD7C6\uD7CB-\uD7FB\uF900-\uFA6D\uFA70-\uFAD9\uFB00-\uFB06\uFB13-\uFB17\uFB1D-\uFB28\uFB2A-\uFB36\uFB38-\uFB3C\uFB3E\uFB40-\uFB41\uFB43-\uFB44\uFB46-\uFBB1\uFBD3-\uFD3D\uFD50-\uFD8F\uFD92-\uFDC7\uFDF0-\uFDFB\uFE70-\uFE74\uFE76-\uFEFC\uFF10-\uFF19\uFF21-\uFF3A\uFF41-\uFF5A\uFF66-\uFFBE\uFFC2-\uFFC7\uFFCA-\uFFCF\uFFD2-\uFFD7\uFFDA-\uFFDC\U00010000-\U0001000B\U0001000D-\U00010026\U00010028-\U0001003A\U0001003C-\U0001003D\U0001003F-\U0001004D\U00010050-\U0001005D\U00010080-\U000100FA\U00010107-\U00010133\U00010140-\U00010178\U0001018A-\U0001018B\U00010280-\U0001029C\U000102A0-\U000102D0\U000102E1-\U000102FB\U00010300-\U00010323\U0001032D-\U0001034A\U00010350-\U0001037A\U00010380-\U0001039D\U000103A0-\U000103C3\U000103C8-\U000103CF\U000103D1-\U000103D5\U00010400-\U0001049D\U000104A0-\U000104A9\U000104B0-\U000104D3\U000104D8-\U000104FB\U00010500-\U00010527\U00010530-\U00010563\U00010570-\U0001057A\U0001057C-\U0001058A\U0001058C-\U00010592\U00010594-\U00010595\U00010597-\U000105A1\U000105A3-\U000105B1\U000105B3-\U000105B9\U000105BB-\U000105BC\U000105C0-\U000105F3\U00010600-\U00010736\U00010740-\U00010755\U00010760-\U00010767\U00010780-\U00010785\U00010787-\U000107B0\U000107B2-\U000107BA\U00010800-\U00010805\U00010808\U0001080A-\U00010835\U00010837-\U00010838\U0001083C\U0001083F-\U00010855\U00010858-\U00010876\U00010879-\U0001089E\U000108A7-\U000108AF\U000108E0-\U000108F2\U000108F4-\U000108F5\U000108FB-\U0001091B\U00010920-\U00010939\U00010940-\U00010959\U00010980-\U000109B7\U000109BC-\U000109CF\U000109D2-\U00010A03\U00010A05-\U00010A06\U00010A0C-\U00010A13\U00010A15-\U00010A17\U00010A19-\U00010A35\U00010A40-\U00010A48\U00010A60-\U00010A7E\U00010A80-\U00010A9F\U00010AC0-\U00010AC7\U00010AC9-\U00010AE4\U00010AEB-\U00010AEF\U00010B00-\U00010B35\U00010B40-\U00010B55\U00010B58-\U00010B72\U00010B78-\U00010B91\U00010BA9-\U00010BAF\U00010C00-\U00010C48\U00010C80-\U00010CB2\U00010CC0-\U00010CF2\U00010CFA-\U00010D27\U00010D30-\U00010D39\U00010D40-\U00010D65\U00010D69\U00010D6F-\U00010D85\U00010E60-\U00010E7E\U00010E80-\U00010EA9\U00010EAB-\U00010EAC\U00010EB0-\U00010EB1\U00010EC2-\U00010EC7\U00010EFA-\U00010EFC\U00010F00-\U00010F27\U00010F30-\U00010F45\U00010F51-\U00010F54\U00010F70-\U00010F81\U00010FB0-\U00010FCB\U00010FE0-\U00010FF6\U00011000-\U00011045\U00011052-\U0001106F\U00011071-\U00011075\U00011080-\U000110B8\U000110C2\U000110D0-\U000110E8\U000110F0-\U000110F9\U00011100-\U00011132\U00011136-\U0001113F\U00011144-\U00011147\U00011150-\U00011172\U00011176\U00011180-\U000111BF\U000111C1-\U000111C4\U000111CE-\U000111DA\U000111DC\U000111E1-\U000111F4\U00011200-\U00011211\U00011213-\U00011234\U00011237\U0001123E-\U00011241\U00011280-\U00011286\U00011288\U0001128A-\U0001128D\U0001128F-\U0001129D\U0001129F-\U000112A8\U000112B0-\U000112E8\U000112F0-\U000112F9\U00011300-\U00011303\U00011305-\U0001130C\U0001130F-\U00011310\U00011313-\U00011328\U0001132A-\U00011330\U00011332-\U00011333\U00011335-\U00011339\U0001133D-\U00011344\U00011347-\U00011348\U0001134B-\U0001134C\U00011350\U00011357\U0001135D-\U00011363\U00011380-\U00011389\U0001138B\U0001138E\U00011390-\U000113B5\U000113B7-\U000113C0\U000113C2\U000113C5\U000113C7-\U000113CA\U000113CC-\U000113CD\U000113D1\U000113D3\U00011400-\U00011441\U00011443-\U00011445\U00011447-\U0001144A\U00011450-\U00011459\U0001145F-\U00011461\U00011480-\U000114C1\U000114C4-\U000114C5\U000114C7\U000114D0-\U000114D9\U00011580-\U000115B5\U000115B8-\U000115BE\U000115D8-\U000115DD\U00011600-\U0001163E\U00011640\U00011644\U00011650-\U00011659\U00011680-\U000116B5\U000116B8\U000116C0-\U000116C9\U000116D0-\U000116E3\U00011700-\U0001171A\U0001171D-\U0001172A\U00011730-\U0001173B\U00011740-\U00011746\U00011800-\U00011838\U000118A0-\U000118F2\U000118FF-\U00011906\U00011909\U0001190C-\U00011913\U00011915-\U00011916\U00011918-\U00011935\U00011937-\U00011938\U0001193B-\U0001193C\U0001193F-\U00011942\U00011950-\U00011959\U000119A0-\U000119A7\U000119AA-\U000119D7\U000119DA-\U000119DF\U000119E1\U000119E3-\U000119E4\U00011A00-\U00011A32\U00011A35-\U00011A3E\U00011A50-\U00011A97\U00011A9D\U00011AB0-\U00011AF8\U00011B60-\U00011B67\U00011BC0-\U00011BE0\U00011BF0-\U00011BF9\U00011C00-\U00011C08\U00011C0A-\U00011C36\U00011C38-\U00011C3E\U00011C40\U00011C50-\U00011C6C\U00011C72-\U00011C8F\U00011C92-\U00011CA7\U00011CA9-\U00011CB6\U00011D00-\U00011D06\U00011D08-\U00011D09\U00011D0B-\U00011D36\U00011D3A\U00011D3C-\U00011D3D\U00011D3F-\U00011D41\U00011D43\U00011D46-\U00011D47\U00011D50-\U00011D59\U00011D60-\U00011D65\U00011D67-\U00011D68\U00011D6A-\U00011D8E\U00011D90-\U00011D91\U00011D93-\U00011D96\U00011D98\U00011DA0-\U00011DA9\U00011DB0-\U00011DDB\U00011DE0-\U00011DE9\U00011EE0-\U00011EF6\U00011F00-\U00011F10\U00011F12-\U00011F3A\U00011F3E-\U00011F40\U00011F50-\U00011F59\U00011FB0\U00011FC0-\U00011FD4\U00012000-\U00012399\U00012400-\U0001246E\U00012480-\U00012543\U00012F90-\U00012FF0\U00013000-\U0001342F\U00013441-\U00013446\U00013460-\U000143FA\U00014400-\U00014646\U00016100-\U0001612E\U00016130-\U00016139\U00016800-\U00016A38\U00016A40-\U00016A5E\U00016A60-\U00016A69\U00016A70-\U00016ABE\U00016AC0-\U00016AC9\U00016AD0-\U00016AED\U00016B00-\U00016B2F\U00016B40-\U00016B43\U00016B50-\U00016B59\U00016B5B-\U00016B61\U00016B63-\U00016B77\U00016B7D-\U00016B8F\U00016D40-\U00016D6C\U00016D70-\U00016D79\U00016E40-\U00016E96\U00016EA0-\U00016EB8\U00016EBB-\U00016ED3\U00016F00-\U00016F4A\U00016F4F-\U00016F87\U00016F8F-\U00016F9F\U00016FE0-\U00016FE1\U00016FE3\U00016FF0-\U00016FF6\U00017000-\U00018CD5\U00018CFF-\U00018D1E\U00018D80-\U00018DF2\U0001AFF0-\U0001AFF3\U0001AFF5-\U0001AFFB\U0001AFFD-\U0001AFFE\U0001B000-\U0001B122\U0001B132\U0001B150-\U0001B152\U0001B155\U0001B164-\U0001B167\U0001B170-\U0001B2FB\U0001BC00-\U0001BC6A\U0001BC70-\U0001BC7C\U0001BC80-\U0001BC88\U0001BC90-\U0001BC99\U0001BC9E\U0001CCF0-\U0001CCF9\U0001D2C0-\U0001D2D3\U0001D2E0-\U0001D2F3\U0001D360-\U0001D378\U0001D400-\U0001D454\U0001D456-\U0001D49C\U0001D49E-\U0001D49F\U0001D4A2\U0001D4A5-\U0001D4A6\U0001D4A9-\U0001D4AC\U0001D4AE-\U0001D4B9\U0001D4BB\U0001D4BD-\U0001D4C3\U0001D4C5-\U0001D505\U0001D507-\U0001D50A\U0001D50D-\U0001D514\U0001D516-\U0001D51C\U0001D51E-\U0001D539\U0001D53B-\U0001D53E\U0001D540-\U0001D544\U0001D546\U0001D54A-\U0001D550\U0001D552-\U0001D6A5\U0001D6A8-\U0001D6C0\U0001D6C2-\U0001D6DA\U0001D6DC-\U0001D6FA\U0001D6FC-\U0001D714\U0001D716-\U0001D734\U0001D736-\U0001D74E\U0001D750-\U0001D76E\U0001D770-\U0001D788\U0001D78A-\U0001D7A8\U0001D7AA-\U0001D7C2\U0001D7C4-\U0001D7CB\U0001D7CE-\U0001D7FF\U0001DF00-\U0001DF1E\U0001DF25-\U0001DF2A\U0001E000-\U0001E006\U0001E008-\U0001E018\U0001E01B-\U0001E021\U0001E023-\U0001E024\U0001E026-\U0001E02A\U0001E030-\U0001E06D\U0001E08F\U0001E100-\U0001E12C\U0001E137-\U0001E13D\U0001E140-\U0001E149\U0001E14E\U0001E290-\U0001E2AD\U0001E2C0-\U0001E2EB\U0001E2F0-\U0001E2F9\U0001E4D0-\U0001E4EB\U0001E4F0-\U0001E4F9\U0001E5D0-\U0001E5ED\U0001E5F0-\U0001E5FA\U0001E6C0-\U0001E6DE\U0001E6E0-\U0001E6F5\U0001E6FE-\U0001E6FF\U0001E7E0-\U0001E7E6\U0001E7E8-\U0001E7EB\U0001E7ED-\U0001E7EE\U0001E7F0-\U0001E7FE\U0001E800-\U0001E8C4\U0001E8C7-\U0001E8CF\U0001E900-\U0001E943\U0001E947\U0001E94B\U0001E950-\U0001E959\U0001EC71-\U0001ECAB\U0001ECAD-\U0001ECAF\U0001ECB1-\U0001ECB4\U0001ED01-\U0001ED2D\U0001ED2F-\U0001ED3D\U0001EE00-\U0001EE03\U0001EE05-\U0001EE1F\U0001EE21-\U0001EE22\U0001EE24\U0001EE27\U0001EE29-\U0001EE32\U0001EE34-\U0001EE37\U0001EE39\U0001EE3B\U0001EE42\U0001EE47\U0001EE49\U0001EE4B\U0001EE4D-\U0001EE4F\U0001EE51-\U0001EE52\U0001EE54\U0001EE57\U0001EE59\U0001EE5B\U0001EE5D\U0001EE5F\U0001EE61-\U0001EE62\U0001EE64\U0001EE67-\U0001EE6A\U0001EE6C-\U0001EE72\U0001EE74-\U0001EE77\U0001EE79-\U0001EE7C\U0001EE7E\U0001EE80-\U0001EE89\U0001EE8B-\U0001EE9B\U0001EEA1-\U0001EEA3\U0001EEA5-\U0001EEA9\U0001EEAB-\U0001EEBB\U0001F100-\U0001F10C\U0001F130-\U0001F149\U0001F150-\U0001F169\U0001F170-\U0001F189\U0001FBF0-\U0001FBF9\U00020000-\U0002A6DF\U0002A700-\U0002B81D\U0002B820-\U0002CEAD\U0002CEB0-\U0002EBE0\U0002EBF0-\U0002EE5D\U0002F800-\U0002FA1D\U00030000-\U0003134A\U00031350-\U00033479]'
$$;

-- The write lock: one row. Editors' writes lock it for their transaction
-- through masthead_lock_writes(); nobody else holds UPDATE on it.
CREATE TABLE masthead_write_lock (
    one boolean PRIMARY KEY DEFAULT true CHECK (one)
);
INSERT INTO masthead_write_lock DEFAULT VALUES;
-- Ends the sessions of this team's contributors that have written (so may
-- hold rows others need) and then sit on their transaction: idle in it for
-- half a second, or in one statement for half a minute. Her client never
-- does either (it commits the moment her function returns; a slow upload
-- is received before the function writes anything), so only a login left
-- holding rows on purpose is ended. The owner holds every login of the
-- team (masthead_create_login), so it may end their sessions.
CREATE FUNCTION masthead_end_stalls() RETURNS void
    LANGUAGE sql SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
    SELECT pg_terminate_backend(a.pid) FROM pg_stat_activity a
     WHERE a.datname = current_database() AND a.pid <> pg_backend_pid()
       AND a.backend_xid IS NOT NULL
       AND ((a.state LIKE 'idle in transaction%' AND a.state_change < clock_timestamp() - interval '0.5 seconds')
            OR (a.state = 'active' AND a.query_start < clock_timestamp() - interval '30 seconds'))
       AND EXISTS (SELECT 1 FROM public.masthead_logins l
                     JOIN pg_auth_members m ON m.member = l.role_oid
                     JOIN pg_roles g ON g.oid = m.roleid
                     JOIN public.masthead_groups mg ON g.rolname = mg.contributor
                    WHERE l.login = a.usename)
$$;
-- Takes the team's write lock for this transaction, after ending any
-- contributor's stalled session (which could hold a row this write needs).
-- Only editors (and the owner) may.
CREATE FUNCTION masthead_lock_writes() RETURNS void
    LANGUAGE sql SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
    SELECT public.masthead_end_stalls();
    SELECT 1 FROM public.masthead_write_lock FOR UPDATE;
    -- What masthead_tick checks: a Masthead older than this schema takes
    -- another lock, and is stopped at its commit rather than write past it.
    SELECT set_config('masthead.write_locked', 'yes', true);
$$;
-- A commit's tick, only after the write lock above (an older Masthead left
-- running through the upgrade is told to restart, not let write unlocked).
CREATE OR REPLACE FUNCTION masthead_tick() RETURNS void
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
BEGIN
    IF current_setting('masthead.write_locked', true) IS DISTINCT FROM 'yes' THEN
        RAISE EXCEPTION 'this copy of Masthead is older than the team''s database: nothing was saved; quit it and start the new version'
            USING ERRCODE = 'MH002';
    END IF;
    UPDATE public.masthead_clock SET n = n + 1;
END
$$;

-- Each contributor login's own clock: her commits move it on, so other
-- connections notice them (data_version is the sum of every clock), and
-- she locks no row anyone else needs.
CREATE TABLE masthead_contributor_clock (
    login name PRIMARY KEY,
    n     bigint NOT NULL CHECK (n >= 0)
);
-- What data_version reads: every commit so far.
CREATE FUNCTION masthead_data_version() RETURNS bigint
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
    SELECT (SELECT c.n FROM public.masthead_clock c)
         + (SELECT coalesce(sum(k.n), 0)::bigint FROM public.masthead_contributor_clock k)
$$;
-- (Her client notifies the others after her commit, as an editor's does.)
CREATE FUNCTION masthead_contributor_tick() RETURNS void
    LANGUAGE sql SET search_path = pg_catalog, public, pg_temp AS $$
    INSERT INTO public.masthead_contributor_clock AS k (login, n) VALUES (session_user, 1)
        ON CONFLICT (login) DO UPDATE SET n = k.n + 1;
$$;

-- A login in both groups (which only a hand at the server could make) has
-- the editors' rights at the server already: it is an editor's here too,
-- writing under the write lock, not past it.
CREATE OR REPLACE FUNCTION masthead_acts_as_contributor() RETURNS boolean
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
    SELECT EXISTS (SELECT 1 FROM pg_auth_members m
                     JOIN pg_roles r ON r.oid = m.member
                     JOIN pg_roles g ON g.oid = m.roleid
                     JOIN public.masthead_groups mg ON g.rolname = mg.contributor
                    WHERE r.rolname = session_user AND NOT r.rolsuper)
       AND NOT EXISTS (SELECT 1 FROM pg_auth_members m
                         JOIN pg_roles r ON r.oid = m.member
                         JOIN pg_roles g ON g.oid = m.roleid
                         JOIN public.masthead_groups mg ON g.rolname = mg.editor
                        WHERE r.rolname = session_user)
$$;

-- The signed-in contributor, or a refusal: for her functions below.
CREATE FUNCTION masthead_contributor_only() RETURNS text
    LANGUAGE plpgsql STABLE SET search_path = pg_catalog, public, pg_temp AS $$
DECLARE
    me text := public.masthead_me_contributor();
BEGIN
    IF me IS NULL OR NOT public.masthead_acts_as_contributor() THEN
        RAISE EXCEPTION 'only a contributor on the team list does this'
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    RETURN me;
END
$$;

-- Her answer to an open offer of hers. Returns the assignment's new
-- version, or 0 when it is no longer version `seen` (someone changed it
-- since she looked: a conflict, nothing saved).
CREATE FUNCTION masthead_answer_offer(assignment text, seen integer, accept boolean) RETURNS integer
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
DECLARE
    me text := public.masthead_contributor_only();
    a public.assignments%ROWTYPE;
    stamp text := public.masthead_now();
    set_id text := public.masthead_new_id();
    answer text := CASE accept WHEN true THEN 'accepted' WHEN false THEN 'declined' END;
BEGIN
    IF seen IS NULL OR answer IS NULL THEN
        RAISE EXCEPTION 'an answer is accept or decline, to the version seen'
            USING ERRCODE = 'invalid_parameter_value';
    END IF;
    -- Read first, lock only her open offer at the version she saw: a call
    -- that changes nothing holds nothing.
    SELECT * INTO a FROM public.assignments x
     WHERE x.id = masthead_answer_offer.assignment AND x.contributor_id = me AND x.deleted_at IS NULL;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'that is not an assignment of yours' USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF a.version <> seen THEN
        RETURN 0;
    END IF;
    IF a.state <> 'offered' THEN
        RAISE EXCEPTION 'this offer is % and can no longer be answered', a.state
            USING ERRCODE = 'MH001';
    END IF;
    SELECT * INTO a FROM public.assignments x
     WHERE x.id = a.id AND x.version = seen AND x.state = 'offered' AND x.deleted_at IS NULL
       FOR NO KEY UPDATE;
    IF NOT FOUND THEN
        RETURN 0;
    END IF;
    -- The change set first: a declined writer no longer has the piece.
    INSERT INTO public.change_sets (id, at, actor, publication_id, edition_id)
    SELECT set_id, stamp, '-', NULL, ar.edition_id FROM public.articles ar WHERE ar.id = a.article_id;
    UPDATE public.assignments x SET state = answer, answered_at = stamp, updated_at = stamp,
           version = a.version + 1
     WHERE x.id = a.id;
    INSERT INTO public.changes (id, change_set_id, seq, entity, entity_id, version, action,
                                field, old_value, new_value, subject)
    SELECT public.masthead_new_id(), set_id, 0, 'assignment', a.id, a.version + 1, 'updated',
           'state', 'offered', answer, c.name
      FROM public.contributors c WHERE c.id = a.contributor_id;
    PERFORM public.masthead_contributor_tick();
    RETURN a.version + 1;
END
$$;

-- Her draft of her piece: the file's bytes, its name (shown as text only)
-- and kind, and the text and Markdown her client read from it. The server
-- works out the size, the SHA-256 and the word count (from the text, by the
-- core's rule) itself, stores the contents in the same transaction, refuses
-- a file already stored for the piece, numbers the version, moves a first
-- draft's piece to where drafts arrive and writes the history.
CREATE FUNCTION masthead_submit_draft(article text, file_name text, media_type text,
                                      original bytea, body text, markdown text)
    RETURNS TABLE (draft_id text, number integer, words integer, moved_from text, moved_to text)
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
DECLARE
    me text := public.masthead_contributor_only();
    piece public.articles%ROWTYPE;
    mine public.assignments%ROWTYPE;
    writer text;
    publication text;
    stamp text := public.masthead_now();
    set_id text := public.masthead_new_id();
    id text := public.masthead_new_id();
    hash text;
    version integer;
    count integer;
    cur public.workflow_statuses%ROWTYPE;
    target public.workflow_statuses%ROWTYPE;
    existing integer;
BEGIN
    -- Her live piece only, checked before anything is locked; the lock
    -- (which numbers versions one at a time) leaves its key alone, so it
    -- holds up no other row's reference to it.
    SELECT * INTO piece FROM public.articles a
     WHERE a.id = masthead_submit_draft.article AND a.deleted_at IS NULL
       AND a.id IN (SELECT public.masthead_me_articles())
       FOR NO KEY UPDATE;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'that is not a piece of yours' USING ERRCODE = 'insufficient_privilege';
    END IF;
    -- As the core's rules::drafts::author: her writer's assignment first.
    SELECT * INTO mine FROM public.assignments x
     WHERE x.article_id = piece.id AND x.contributor_id = me AND x.deleted_at IS NULL
       AND x.state IN ('offered', 'accepted')
     ORDER BY x.role <> 'writer', x.created_at DESC, x.id DESC LIMIT 1;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'that is not a piece of yours' USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF file_name IS NULL OR length(file_name) NOT BETWEEN 1 AND 255
       OR file_name ~ '[\u0001-\u001F\u007F-\u009F\u061C\u200E\u200F\u2028-\u202E\u2066-\u2069\uFEFF/\\]'
       OR file_name IN ('.', '..') THEN
        RAISE EXCEPTION 'a draft''s file name is one line of 1 to 255 characters, without a folder'
            USING ERRCODE = 'invalid_parameter_value';
    END IF;
    IF media_type IS NULL OR media_type NOT IN (
        'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
        'application/vnd.oasis.opendocument.text', 'text/markdown', 'text/plain') THEN
        RAISE EXCEPTION 'a draft is a Word, OpenDocument, Markdown or plain text file'
            USING ERRCODE = 'invalid_parameter_value';
    END IF;
    IF original IS NULL OR octet_length(original) NOT BETWEEN 1 AND 26214400 THEN
        RAISE EXCEPTION 'a draft''s file holds 1 byte to 25 MB' USING ERRCODE = 'invalid_parameter_value';
    END IF;
    -- A file unpacks to at most 64 MB (masthead-text's MAX_UNPACKED_BYTES):
    -- no text read from one is longer.
    IF body IS NULL OR markdown IS NULL OR octet_length(body) > 67108864
       OR octet_length(markdown) > 67108864 THEN
        RAISE EXCEPTION 'a draft carries its text and its Markdown, of up to 64 MB each'
            USING ERRCODE = 'invalid_parameter_value';
    END IF;
    -- No one sends twenty versions of a piece in an hour but a script.
    IF (SELECT count(*) FROM public.drafts d
         WHERE d.article_id = piece.id AND d.contributor_id = me
           AND d.submitted_at > to_char((clock_timestamp() - interval '1 hour') AT TIME ZONE 'UTC',
                                        'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')) >= 20 THEN
        RAISE EXCEPTION 'twenty versions of this piece in the last hour are enough: send the next one later'
            USING ERRCODE = 'MH001';
    END IF;
    hash := encode(sha256(original), 'hex');
    SELECT d.number INTO existing FROM public.drafts d
     WHERE d.article_id = piece.id AND d.sha256 = hash LIMIT 1;
    IF FOUND THEN
        RAISE EXCEPTION 'this file is already version % of "%"', existing, piece.title
            USING ERRCODE = 'MH001';
    END IF;
    SELECT coalesce(max(d.number), 0) + 1 INTO version FROM public.drafts d WHERE d.article_id = piece.id;
    count := public.masthead_count_words(body);
    SELECT c.name INTO writer FROM public.contributors c WHERE c.id = me;
    SELECT e.publication_id INTO publication FROM public.editions e WHERE e.id = piece.edition_id;

    INSERT INTO public.drafts (id, article_id, assignment_id, contributor_id, number, file_name,
                               media_type, size, sha256, words, submitted_at, recorded_by)
    VALUES (id, piece.id, mine.id, me, version, file_name, media_type, octet_length(original),
            hash, count, stamp, '-');
    INSERT INTO public.draft_contents (draft_id, original, text, markdown)
    VALUES (id, original, body, markdown);
    INSERT INTO public.change_sets (id, at, actor, publication_id, edition_id)
    VALUES (set_id, stamp, '-', publication, piece.edition_id);
    INSERT INTO public.changes (id, change_set_id, seq, entity, entity_id, version, action,
                                field, old_value, new_value, subject)
    VALUES (public.masthead_new_id(), set_id, 0, 'draft', id, 1, 'created', NULL, NULL,
            format('version %s (%s, %s words)', version, file_name,
                   to_char(count, 'FM999,999,999,990')),
            writer);

    draft_id := id; number := version; words := count;
    -- A first draft moves the piece to the first live status where drafts
    -- arrive, from one before it that is neither spiked nor final.
    IF version = 1 THEN
        SELECT * INTO cur FROM public.workflow_statuses s WHERE s.id = piece.status_id;
        SELECT * INTO target FROM public.workflow_statuses s
         WHERE s.publication_id = publication AND s.retired_at IS NULL AND s.receives_drafts
         ORDER BY s.position LIMIT 1;
        IF FOUND AND cur.position < target.position AND NOT cur.is_spiked AND NOT cur.is_final
           AND cur.id <> target.id THEN
            UPDATE public.articles a SET status_id = target.id, updated_at = stamp,
                   version = piece.version + 1
             WHERE a.id = piece.id;
            INSERT INTO public.changes (id, change_set_id, seq, entity, entity_id, version, action,
                                        field, old_value, new_value, old_ref, new_ref)
            VALUES (public.masthead_new_id(), set_id, 1, 'article', piece.id, piece.version + 1,
                    'status', 'status', cur.label, target.label, cur.id, target.id);
            moved_from := cur.label; moved_to := target.label;
        END IF;
    END IF;
    PERFORM public.masthead_contributor_tick();
    RETURN NEXT;
END
$$;

-- Team members' history and drafts are what the server says they are.
-- A change set's time is the server's clock for every team member (the
-- owner's import keeps the times it copies); a change goes only into a
-- change set made in the same transaction by the same login, so no one
-- adds lines to another's; a draft a team member records is checked at
-- commit against the contents stored with it (size, SHA-256, words by the
-- core's rule, a one-line file name) and dated by the server.
CREATE OR REPLACE FUNCTION masthead_signed_actor() RETURNS trigger
    LANGUAGE plpgsql SET search_path = pg_catalog, public, pg_temp AS $$
DECLARE
    me text := public.masthead_me_name();
BEGIN
    IF me IS NULL AND public.masthead_in_team_groups() THEN
        RAISE EXCEPTION 'this login is not on the team list' USING ERRCODE = 'insufficient_privilege';
    END IF;
    NEW.actor := coalesce(me, NEW.actor);
    NEW.login := session_user;
    IF me IS NOT NULL THEN
        NEW.at := public.masthead_now();
    END IF;
    IF public.masthead_acts_as_contributor() THEN
        IF NEW.edition_id IS NOT NULL
           AND NEW.edition_id NOT IN (SELECT a.edition_id FROM public.articles a
                                       WHERE a.id IN (SELECT public.masthead_me_articles())) THEN
            RAISE EXCEPTION 'not an edition of her pieces' USING ERRCODE = 'insufficient_privilege';
        END IF;
        NEW.publication_id := (SELECT e.publication_id FROM public.editions e WHERE e.id = NEW.edition_id);
    END IF;
    RETURN NEW;
END
$$;

CREATE FUNCTION masthead_own_change_set() RETURNS trigger
    LANGUAGE plpgsql SET search_path = pg_catalog, public, pg_temp AS $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM public.change_sets s
                    WHERE s.id = NEW.change_set_id AND s.login = session_user
                      AND s.xmin::text = (txid_current() % 4294967296)::text) THEN
        RAISE EXCEPTION 'a history line goes only into a change set its own transaction wrote'
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    RETURN NEW;
END
$$;
CREATE TRIGGER changes_in_own_set BEFORE INSERT ON changes
    FOR EACH ROW EXECUTE FUNCTION masthead_own_change_set();

CREATE OR REPLACE FUNCTION masthead_signed_recorder() RETURNS trigger
    LANGUAGE plpgsql SET search_path = pg_catalog, public, pg_temp AS $$
DECLARE
    me text := public.masthead_me_name();
BEGIN
    IF me IS NULL AND public.masthead_in_team_groups() THEN
        RAISE EXCEPTION 'this login is not on the team list' USING ERRCODE = 'insufficient_privilege';
    END IF;
    NEW.recorded_by := coalesce(me, NEW.recorded_by);
    IF me IS NOT NULL THEN
        NEW.submitted_at := public.masthead_now();
    END IF;
    IF public.masthead_acts_as_contributor()
       AND NEW.number <> (SELECT coalesce(max(d.number), 0) + 1 FROM public.drafts d
                           WHERE d.article_id = NEW.article_id) THEN
        RAISE EXCEPTION 'a draft is the next version of its piece' USING ERRCODE = 'check_violation';
    END IF;
    RETURN NEW;
END
$$;

CREATE FUNCTION masthead_draft_matches() RETURNS trigger
    LANGUAGE plpgsql SET search_path = pg_catalog, public, pg_temp AS $$
DECLARE
    c public.draft_contents%ROWTYPE;
BEGIN
    IF public.masthead_me_name() IS NULL THEN
        RETURN NULL;
    END IF;
    SELECT * INTO c FROM public.draft_contents x WHERE x.draft_id = NEW.id;
    IF NOT FOUND OR NEW.size <> octet_length(c.original)
       OR NEW.sha256 <> encode(sha256(c.original), 'hex')
       OR NEW.words <> public.masthead_count_words(c.text)
       OR NEW.file_name ~ '[\u0001-\u001F\u007F-\u009F\u061C\u200E\u200F\u2028-\u202E\u2066-\u2069\uFEFF/\\]' THEN
        RAISE EXCEPTION 'a draft''s size, fingerprint and words are those of the file and text stored with it, and its name is one line'
            USING ERRCODE = 'MH001';
    END IF;
    RETURN NULL;
END
$$;
CREATE CONSTRAINT TRIGGER drafts_match_contents AFTER INSERT ON drafts
    DEFERRABLE INITIALLY DEFERRED
    FOR EACH ROW EXECUTE FUNCTION masthead_draft_matches();

-- Logins have a connection limit, so no one login can take every
-- connection the server has (an editor's app uses two, the CLI one).
CREATE OR REPLACE FUNCTION masthead_create_login(login text, secret text, kind text) RETURNS boolean
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
DECLARE
    g public.masthead_groups%ROWTYPE;
BEGIN
    IF NOT public.masthead_may_manage() THEN
        RAISE EXCEPTION 'only an editor may invite people' USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF (login ~ '^mh_[a-z0-9_]{1,60}$') IS NOT TRUE
       OR (secret ~ '^SCRAM-SHA-256\$4096:[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+:[A-Za-z0-9+/=]+$') IS NOT TRUE
       OR (kind IN ('editor', 'contributor')) IS NOT TRUE THEN
        RAISE EXCEPTION 'not a Masthead login' USING ERRCODE = 'invalid_parameter_value';
    END IF;
    SELECT * INTO g FROM public.masthead_groups;
    BEGIN
        EXECUTE format('CREATE ROLE %I LOGIN PASSWORD %L CONNECTION LIMIT %s', login, secret,
                       public.masthead_connection_limit(kind));
        INSERT INTO public.masthead_logins (login, role_oid)
        VALUES (login, (SELECT r.oid FROM pg_roles r WHERE r.rolname = login))
        ON CONFLICT ON CONSTRAINT masthead_logins_pkey DO UPDATE SET role_oid = EXCLUDED.role_oid;
    EXCEPTION WHEN duplicate_object OR unique_violation THEN
        RETURN false;
    END;
    EXECUTE format('GRANT %I TO %I', CASE kind WHEN 'editor' THEN g.editor ELSE g.contributor END, login);
    EXECUTE format('GRANT CONNECT ON DATABASE %I TO %I', current_database(), login);
    EXECUTE format('GRANT %I TO %I', login, current_user);
    RETURN true;
END
$$;
CREATE FUNCTION masthead_connection_limit(kind text) RETURNS integer
    LANGUAGE sql IMMUTABLE SET search_path = pg_catalog, pg_temp AS $$
    SELECT CASE kind WHEN 'editor' THEN 8 ELSE 4 END
$$;
CREATE OR REPLACE FUNCTION masthead_set_login_role(login text, kind text) RETURNS void
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
DECLARE
    g public.masthead_groups%ROWTYPE;
BEGIN
    IF (kind IN ('editor', 'contributor')) IS NOT TRUE THEN
        RAISE EXCEPTION 'not a team role' USING ERRCODE = 'invalid_parameter_value';
    END IF;
    IF public.masthead_ungroup(login, 'change roles') THEN
        SELECT * INTO g FROM public.masthead_groups;
        EXECUTE format('GRANT %I TO %I', CASE kind WHEN 'editor' THEN g.editor ELSE g.contributor END, login);
        EXECUTE format('ALTER ROLE %I CONNECTION LIMIT %s', login, public.masthead_connection_limit(kind));
    END IF;
END
$$;

-- Contributors now write only through the two functions above: no INSERT,
-- UPDATE or DELETE on any table, no write policies, no clock, no write lock.
DROP POLICY answer_own ON assignments;
DROP POLICY move_own_pieces ON articles;
DROP POLICY submit_own ON drafts;
DROP POLICY submit_own_contents ON draft_contents;
DROP POLICY record_own ON changes;
DROP POLICY record_own_sets ON change_sets;
REVOKE ALL ON FUNCTION masthead_now(), masthead_new_id(), masthead_count_words(text),
    masthead_end_stalls(), masthead_lock_writes(), masthead_data_version(), masthead_contributor_tick(),
    masthead_contributor_only(), masthead_answer_offer(text, integer, boolean),
    masthead_connection_limit(text),
    masthead_submit_draft(text, text, text, bytea, text, text) FROM PUBLIC;
DO $migration$
DECLARE
    g masthead_groups%ROWTYPE;
    l record;
BEGIN
    SELECT * INTO g FROM masthead_groups;
    EXECUTE format('REVOKE INSERT, UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER
        ON ALL TABLES IN SCHEMA public FROM %I', g.contributor);
    EXECUTE format('REVOKE EXECUTE ON FUNCTION masthead_tick() FROM %I', g.contributor);
    EXECUTE format('GRANT EXECUTE ON FUNCTION masthead_answer_offer(text, integer, boolean),
        masthead_submit_draft(text, text, text, bytea, text, text) TO %I', g.contributor);
    EXECUTE format('GRANT EXECUTE ON FUNCTION masthead_data_version(), masthead_count_words(text),
        masthead_now() TO %I, %I', g.editor, g.contributor);
    EXECUTE format('GRANT EXECUTE ON FUNCTION masthead_lock_writes() TO %I', g.editor);
    -- Editors read every table (check, export); they change neither
    -- clocks nor the lock but through the functions.
    EXECUTE format('GRANT SELECT ON masthead_write_lock, masthead_contributor_clock TO %I', g.editor);
    EXECUTE format('REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON masthead_write_lock,
        masthead_contributor_clock FROM %I', g.editor);
    -- The logins this team made so far get their connection limits.
    FOR l IN
        SELECT ml.login, pg_has_role(ml.login, g.editor, 'MEMBER') AS editor
          FROM masthead_logins ml JOIN pg_roles r ON r.oid = ml.role_oid AND r.rolname = ml.login
    LOOP
        EXECUTE format('ALTER ROLE %I CONNECTION LIMIT %s', l.login,
                       masthead_connection_limit(CASE WHEN l.editor THEN 'editor' ELSE 'contributor' END));
    END LOOP;
END
$migration$;
