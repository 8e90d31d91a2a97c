package org.communityledger.events.value;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The provincial-level divisions of China by their ISO 3166-2:CN codes, which is how they are written everywhere. */
public enum Province {
    CN_AH("CN-AH", "Anhui"),
    CN_BJ("CN-BJ", "Beijing"),
    CN_CQ("CN-CQ", "Chongqing"),
    CN_FJ("CN-FJ", "Fujian"),
    CN_GD("CN-GD", "Guangdong"),
    CN_GS("CN-GS", "Gansu"),
    CN_GX("CN-GX", "Guangxi"),
    CN_GZ("CN-GZ", "Guizhou"),
    CN_HA("CN-HA", "Henan"),
    CN_HB("CN-HB", "Hubei"),
    CN_HE("CN-HE", "Hebei"),
    CN_HI("CN-HI", "Hainan"),
    CN_HK("CN-HK", "Hong Kong"),
    CN_HL("CN-HL", "Heilongjiang"),
    CN_HN("CN-HN", "Hunan"),
    CN_JL("CN-JL", "Jilin"),
    CN_JS("CN-JS", "Jiangsu"),
    CN_JX("CN-JX", "Jiangxi"),
    CN_LN("CN-LN", "Liaoning"),
    CN_MO("CN-MO", "Macao"),
    CN_NM("CN-NM", "Nei Mongol"),
    CN_NX("CN-NX", "Ningxia"),
    CN_QH("CN-QH", "Qinghai"),
    CN_SC("CN-SC", "Sichuan"),
    CN_SD("CN-SD", "Shandong"),
    CN_SH("CN-SH", "Shanghai"),
    CN_SN("CN-SN", "Shaanxi"),
    CN_SX("CN-SX", "Shanxi"),
    CN_TJ("CN-TJ", "Tianjin"),
    CN_TW("CN-TW", "Taiwan"),
    CN_XJ("CN-XJ", "Xinjiang"),
    CN_XZ("CN-XZ", "Xizang"),
    CN_YN("CN-YN", "Yunnan"),
    CN_ZJ("CN-ZJ", "Zhejiang");

    private static final Map<String, Province> BY_CODE =
            Arrays.stream(values()).collect(Collectors.toUnmodifiableMap(Province::code, Function.identity()));

    private final String code;
    private final String englishName;

    Province(String code, String englishName) {
        this.code = code;
        this.englishName = englishName;
    }

    @JsonValue
    public String code() {
        return code;
    }

    public String englishName() {
        return englishName;
    }

    @JsonCreator
    public static Province ofCode(String code) {
        Province province = code == null ? null : BY_CODE.get(code);
        if (province == null) {
            throw new IllegalArgumentException("province must be an ISO 3166-2:CN code such as CN-SC, not " + code);
        }
        return province;
    }
}
