package vn.chibo.member;

public enum Sex {
    MALE, FEMALE
}
