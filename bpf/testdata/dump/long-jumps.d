(000) jeq      #0x0             jt 1	jf 256
(001) ja       2
(002) jeq      #0x1             jt 4	jf 258
(003) ja       3
(004) jeq      #0x2             jt 7	jf 260
(005) ja       4
(006) jeq      #0x3             jt 10	jf 262
(007) ja       5
(008) jeq      #0x4             jt 13	jf 264
(009) ja       6
(010) jeq      #0x5             jt 16	jf 266
(011) ja       7
(012) jeq      #0x6             jt 19	jf 268
(013) ja       8
(014) jeq      #0x7             jt 22	jf 270
(015) ja       9
(016) jeq      #0x8             jt 25	jf 272
(017) ja       10
(018) jeq      #0x9             jt 28	jf 274
(019) ja       11
(020) jeq      #0xa             jt 31	jf 276
(021) ja       12
(022) jeq      #0xb             jt 34	jf 278
(023) ja       13
(024) jeq      #0xc             jt 37	jf 280
(025) ja       14
(026) jeq      #0xd             jt 40	jf 282
(027) ja       15
(028) jeq      #0xe             jt 43	jf 284
(029) ja       16
(030) jeq      #0xf             jt 46	jf 286
(031) ja       17
(032) jeq      #0x10            jt 49	jf 288
(033) ja       18
(034) jeq      #0x11            jt 52	jf 290
(035) ja       19
(036) jeq      #0x12            jt 55	jf 292
(037) ja       20
(038) jeq      #0x13            jt 58	jf 294
(039) ja       21
(040) jeq      #0x14            jt 61	jf 296
(041) ja       22
(042) jeq      #0x15            jt 64	jf 298
(043) ja       23
(044) jeq      #0x16            jt 67	jf 300
(045) ja       24
(046) jeq      #0x17            jt 70	jf 302
(047) ja       25
(048) jeq      #0x18            jt 73	jf 304
(049) ja       26
(050) jeq      #0x19            jt 76	jf 306
(051) ja       27
(052) jeq      #0x1a            jt 79	jf 308
(053) ja       28
(054) jeq      #0x1b            jt 82	jf 310
(055) ja       29
(056) jeq      #0x1c            jt 85	jf 312
(057) ja       30
(058) jeq      #0x1d            jt 88	jf 314
(059) ja       31
(060) jeq      #0x1e            jt 91	jf 316
(061) ja       32
(062) jeq      #0x1f            jt 94	jf 318
(063) ja       33
(064) jeq      #0x20            jt 97	jf 320
(065) ja       34
(066) jeq      #0x21            jt 100	jf 322
(067) ja       35
(068) jeq      #0x22            jt 103	jf 324
(069) ja       36
(070) jeq      #0x23            jt 106	jf 326
(071) ja       37
(072) jeq      #0x24            jt 109	jf 328
(073) ja       38
(074) jeq      #0x25            jt 112	jf 330
(075) ja       39
(076) jeq      #0x26            jt 115	jf 332
(077) ja       40
(078) jeq      #0x27            jt 118	jf 334
(079) ja       41
(080) jeq      #0x28            jt 121	jf 336
(081) ja       42
(082) jeq      #0x29            jt 124	jf 338
(083) ja       43
(084) jeq      #0x2a            jt 127	jf 340
(085) ja       44
(086) jeq      #0x2b            jt 130	jf 342
(087) ja       45
(088) jeq      #0x2c            jt 133	jf 344
(089) ja       46
(090) jeq      #0x2d            jt 136	jf 346
(091) ja       47
(092) jeq      #0x2e            jt 139	jf 348
(093) ja       48
(094) jeq      #0x2f            jt 142	jf 350
(095) ja       49
(096) jeq      #0x30            jt 145	jf 352
(097) ja       50
(098) jeq      #0x31            jt 148	jf 354
(099) ja       51
(100) jeq      #0x32            jt 151	jf 356
(101) ja       52
(102) jeq      #0x33            jt 154	jf 358
(103) ja       53
(104) jeq      #0x34            jt 157	jf 360
(105) ja       54
(106) jeq      #0x35            jt 160	jf 362
(107) ja       55
(108) jeq      #0x36            jt 163	jf 364
(109) ja       56
(110) jeq      #0x37            jt 166	jf 366
(111) ja       57
(112) jeq      #0x38            jt 169	jf 368
(113) ja       58
(114) jeq      #0x39            jt 172	jf 370
(115) ja       59
(116) jeq      #0x3a            jt 175	jf 372
(117) ja       60
(118) jeq      #0x3b            jt 178	jf 374
(119) ja       61
(120) jeq      #0x3c            jt 181	jf 376
(121) ja       62
(122) jeq      #0x3d            jt 184	jf 378
(123) ja       63
(124) jeq      #0x3e            jt 187	jf 380
(125) ja       64
(126) jeq      #0x3f            jt 190	jf 382
(127) ja       65
(128) jeq      #0x40            jt 193	jf 384
(129) ja       66
(130) jeq      #0x41            jt 196	jf 386
(131) ja       67
(132) jeq      #0x42            jt 199	jf 388
(133) ja       68
(134) jeq      #0x43            jt 202	jf 390
(135) ja       69
(136) jeq      #0x44            jt 205	jf 392
(137) ja       70
(138) jeq      #0x45            jt 208	jf 394
(139) ja       71
(140) jeq      #0x46            jt 211	jf 396
(141) ja       72
(142) jeq      #0x47            jt 214	jf 398
(143) ja       73
(144) jeq      #0x48            jt 217	jf 400
(145) ja       74
(146) jeq      #0x49            jt 220	jf 402
(147) ja       75
(148) jeq      #0x4a            jt 223	jf 404
(149) ja       76
(150) jeq      #0x4b            jt 226	jf 406
(151) ja       77
(152) jeq      #0x4c            jt 229	jf 408
(153) ja       78
(154) jeq      #0x4d            jt 232	jf 410
(155) ja       79
(156) jeq      #0x4e            jt 235	jf 412
(157) ja       80
(158) jeq      #0x4f            jt 238	jf 414
(159) ja       81
(160) jeq      #0x50            jt 241	jf 416
(161) ja       82
(162) jeq      #0x51            jt 244	jf 418
(163) ja       83
(164) jeq      #0x52            jt 247	jf 420
(165) ja       84
(166) jeq      #0x53            jt 250	jf 422
(167) ja       85
(168) jeq      #0x54            jt 253	jf 424
(169) ja       86
(170) jeq      #0x55            jt 256	jf 426
(171) ja       87
(172) jeq      #0x56            jt 259	jf 428
(173) ja       88
(174) jeq      #0x57            jt 262	jf 430
(175) ja       89
(176) jeq      #0x58            jt 265	jf 432
(177) ja       90
(178) jeq      #0x59            jt 268	jf 434
(179) ja       91
(180) jeq      #0x5a            jt 271	jf 436
(181) ja       92
(182) jeq      #0x5b            jt 274	jf 438
(183) ja       93
(184) jeq      #0x5c            jt 277	jf 440
(185) ja       94
(186) jeq      #0x5d            jt 280	jf 442
(187) ja       95
(188) jeq      #0x5e            jt 283	jf 444
(189) ja       96
(190) jeq      #0x5f            jt 286	jf 446
(191) ja       97
(192) jeq      #0x60            jt 289	jf 448
(193) ja       98
(194) jeq      #0x61            jt 292	jf 450
(195) ja       99
(196) jeq      #0x62            jt 295	jf 452
(197) ja       100
(198) jeq      #0x63            jt 298	jf 454
(199) ja       101
(200) jeq      #0x64            jt 301	jf 456
(201) ja       102
(202) jeq      #0x65            jt 304	jf 458
(203) ja       103
(204) jeq      #0x66            jt 307	jf 460
(205) ja       104
(206) jeq      #0x67            jt 310	jf 462
(207) ja       105
(208) jeq      #0x68            jt 313	jf 464
(209) ja       106
(210) jeq      #0x69            jt 316	jf 466
(211) ja       107
(212) jeq      #0x6a            jt 319	jf 468
(213) ja       108
(214) jeq      #0x6b            jt 322	jf 470
(215) ja       109
(216) jeq      #0x6c            jt 325	jf 472
(217) ja       110
(218) jeq      #0x6d            jt 328	jf 474
(219) ja       111
(220) jeq      #0x6e            jt 331	jf 476
(221) ja       112
(222) jeq      #0x6f            jt 334	jf 478
(223) ja       113
(224) jeq      #0x70            jt 337	jf 480
(225) ja       114
(226) jeq      #0x71            jt 340	jf 482
(227) ja       115
(228) jeq      #0x72            jt 343	jf 484
(229) ja       116
(230) jeq      #0x73            jt 346	jf 486
(231) ja       117
(232) jeq      #0x74            jt 349	jf 488
(233) ja       118
(234) jeq      #0x75            jt 352	jf 490
(235) ja       119
(236) jeq      #0x76            jt 355	jf 492
(237) ja       120
(238) jeq      #0x77            jt 358	jf 494
(239) ja       121
(240) jeq      #0x78            jt 361	jf 496
(241) ja       122
(242) jeq      #0x79            jt 364	jf 498
(243) ja       123
(244) jeq      #0x7a            jt 367	jf 500
(245) ja       124
(246) jeq      #0x7b            jt 370	jf 502
(247) ja       125
(248) jeq      #0x7c            jt 373	jf 504
(249) ja       126
(250) jeq      #0x7d            jt 376	jf 506
(251) ja       127
(252) jeq      #0x7e            jt 379	jf 508
(253) ja       128
(254) jeq      #0x7f            jt 382	jf 510
(255) ja       129
(256) jeq      #0x80            jt 385	jf 512
(257) ja       130
(258) jeq      #0x81            jt 388	jf 514
(259) ja       131
(260) jeq      #0x82            jt 391	jf 516
(261) ja       132
(262) jeq      #0x83            jt 394	jf 518
(263) ja       133
(264) jeq      #0x84            jt 397	jf 520
(265) ja       134
(266) jeq      #0x85            jt 400	jf 522
(267) ja       135
(268) jeq      #0x86            jt 403	jf 524
(269) ja       136
(270) jeq      #0x87            jt 406	jf 526
(271) ja       137
(272) jeq      #0x88            jt 409	jf 528
(273) ja       138
(274) jeq      #0x89            jt 412	jf 530
(275) ja       139
(276) jeq      #0x8a            jt 415	jf 532
(277) ja       140
(278) jeq      #0x8b            jt 418	jf 534
(279) ja       141
(280) jeq      #0x8c            jt 421	jf 536
(281) ja       142
(282) jeq      #0x8d            jt 424	jf 538
(283) ja       143
(284) jeq      #0x8e            jt 427	jf 540
(285) ja       144
(286) jeq      #0x8f            jt 430	jf 542
(287) ja       145
(288) jeq      #0x90            jt 433	jf 544
(289) ja       146
(290) jeq      #0x91            jt 436	jf 546
(291) ja       147
(292) jeq      #0x92            jt 439	jf 548
(293) ja       148
(294) jeq      #0x93            jt 442	jf 550
(295) ja       149
(296) jeq      #0x94            jt 445	jf 552
(297) ja       150
(298) jeq      #0x95            jt 448	jf 554
(299) ja       151
(300) jeq      #0x96            jt 451	jf 556
(301) ja       152
(302) jeq      #0x97            jt 454	jf 558
(303) ja       153
(304) jeq      #0x98            jt 457	jf 560
(305) ja       154
(306) jeq      #0x99            jt 460	jf 562
(307) ja       155
(308) jeq      #0x9a            jt 463	jf 564
(309) ja       156
(310) jeq      #0x9b            jt 466	jf 566
(311) ja       157
(312) jeq      #0x9c            jt 469	jf 568
(313) ja       158
(314) jeq      #0x9d            jt 472	jf 570
(315) ja       159
(316) jeq      #0x9e            jt 475	jf 572
(317) ja       160
(318) jeq      #0x9f            jt 478	jf 574
(319) ja       161
(320) jeq      #0xa0            jt 481	jf 576
(321) ja       162
(322) jeq      #0xa1            jt 484	jf 578
(323) ja       163
(324) jeq      #0xa2            jt 487	jf 580
(325) ja       164
(326) jeq      #0xa3            jt 490	jf 582
(327) ja       165
(328) jeq      #0xa4            jt 493	jf 584
(329) ja       166
(330) jeq      #0xa5            jt 496	jf 586
(331) ja       167
(332) jeq      #0xa6            jt 499	jf 588
(333) ja       168
(334) jeq      #0xa7            jt 502	jf 590
(335) ja       169
(336) jeq      #0xa8            jt 505	jf 592
(337) ja       170
(338) jeq      #0xa9            jt 508	jf 594
(339) ja       171
(340) jeq      #0xaa            jt 511	jf 596
(341) ja       172
(342) jeq      #0xab            jt 514	jf 598
(343) ja       173
(344) jeq      #0xac            jt 517	jf 600
(345) ja       174
(346) jeq      #0xad            jt 520	jf 602
(347) ja       175
(348) jeq      #0xae            jt 523	jf 604
(349) ja       176
(350) jeq      #0xaf            jt 526	jf 606
(351) ja       177
(352) jeq      #0xb0            jt 529	jf 608
(353) ja       178
(354) jeq      #0xb1            jt 532	jf 610
(355) ja       179
(356) jeq      #0xb2            jt 535	jf 612
(357) ja       180
(358) jeq      #0xb3            jt 538	jf 614
(359) ja       181
(360) jeq      #0xb4            jt 541	jf 616
(361) ja       182
(362) jeq      #0xb5            jt 544	jf 618
(363) ja       183
(364) jeq      #0xb6            jt 547	jf 620
(365) ja       184
(366) jeq      #0xb7            jt 550	jf 622
(367) ja       185
(368) jeq      #0xb8            jt 553	jf 624
(369) ja       186
(370) jeq      #0xb9            jt 556	jf 626
(371) ja       187
(372) jeq      #0xba            jt 559	jf 628
(373) ja       188
(374) jeq      #0xbb            jt 562	jf 630
(375) ja       189
(376) jeq      #0xbc            jt 565	jf 632
(377) ja       190
(378) jeq      #0xbd            jt 568	jf 634
(379) ja       191
(380) jeq      #0xbe            jt 571	jf 636
(381) ja       192
(382) jeq      #0xbf            jt 574	jf 638
(383) ja       193
(384) jeq      #0xc0            jt 577	jf 640
(385) ja       194
(386) jeq      #0xc1            jt 580	jf 642
(387) ja       195
(388) jeq      #0xc2            jt 583	jf 644
(389) ja       196
(390) jeq      #0xc3            jt 586	jf 646
(391) ja       197
(392) jeq      #0xc4            jt 589	jf 648
(393) ja       198
(394) jeq      #0xc5            jt 592	jf 650
(395) ja       199
(396) jeq      #0xc6            jt 595	jf 652
(397) ja       200
(398) jeq      #0xc7            jt 598	jf 654
(399) ja       201
(400) jeq      #0xc8            jt 601	jf 656
(401) ja       202
(402) jeq      #0xc9            jt 604	jf 658
(403) ja       203
(404) jeq      #0xca            jt 607	jf 660
(405) ja       204
(406) jeq      #0xcb            jt 610	jf 662
(407) ja       205
(408) jeq      #0xcc            jt 613	jf 664
(409) ja       206
(410) jeq      #0xcd            jt 616	jf 666
(411) ja       207
(412) jeq      #0xce            jt 619	jf 668
(413) ja       208
(414) jeq      #0xcf            jt 622	jf 670
(415) ja       209
(416) jeq      #0xd0            jt 625	jf 672
(417) ja       210
(418) jeq      #0xd1            jt 628	jf 674
(419) ja       211
(420) jeq      #0xd2            jt 631	jf 676
(421) ja       212
(422) jeq      #0xd3            jt 634	jf 678
(423) ja       213
(424) jeq      #0xd4            jt 637	jf 680
(425) ja       214
(426) jeq      #0xd5            jt 640	jf 682
(427) ja       215
(428) jeq      #0xd6            jt 643	jf 684
(429) ja       216
(430) jeq      #0xd7            jt 646	jf 686
(431) ja       217
(432) jeq      #0xd8            jt 649	jf 688
(433) ja       218
(434) jeq      #0xd9            jt 652	jf 690
(435) ja       219
(436) jeq      #0xda            jt 655	jf 692
(437) ja       220
(438) jeq      #0xdb            jt 658	jf 694
(439) ja       221
(440) jeq      #0xdc            jt 661	jf 696
(441) ja       222
(442) jeq      #0xdd            jt 664	jf 698
(443) ja       223
(444) jeq      #0xde            jt 667	jf 700
(445) ja       224
(446) jeq      #0xdf            jt 670	jf 702
(447) ja       225
(448) jeq      #0xe0            jt 673	jf 704
(449) ja       226
(450) jeq      #0xe1            jt 676	jf 706
(451) ja       227
(452) jeq      #0xe2            jt 679	jf 708
(453) ja       228
(454) jeq      #0xe3            jt 682	jf 710
(455) ja       229
(456) jeq      #0xe4            jt 685	jf 712
(457) ja       230
(458) jeq      #0xe5            jt 688	jf 714
(459) ja       231
(460) jeq      #0xe6            jt 691	jf 716
(461) ja       232
(462) jeq      #0xe7            jt 694	jf 718
(463) ja       233
(464) jeq      #0xe8            jt 697	jf 720
(465) ja       234
(466) jeq      #0xe9            jt 700	jf 722
(467) ja       235
(468) jeq      #0xea            jt 703	jf 724
(469) ja       236
(470) jeq      #0xeb            jt 706	jf 726
(471) ja       237
(472) jeq      #0xec            jt 709	jf 728
(473) ja       238
(474) jeq      #0xed            jt 712	jf 730
(475) ja       239
(476) jeq      #0xee            jt 715	jf 732
(477) ja       240
(478) jeq      #0xef            jt 718	jf 734
(479) ja       241
(480) jeq      #0xf0            jt 721	jf 736
(481) ja       242
(482) jeq      #0xf1            jt 724	jf 738
(483) ja       243
(484) jeq      #0xf2            jt 727	jf 740
(485) ja       244
(486) jeq      #0xf3            jt 730	jf 742
(487) ja       245
(488) jeq      #0xf4            jt 733	jf 744
(489) ja       246
(490) jeq      #0xf5            jt 736	jf 746
(491) ja       247
(492) jeq      #0xf6            jt 739	jf 748
(493) ja       248
(494) jeq      #0xf7            jt 742	jf 750
(495) ja       249
(496) jeq      #0xf8            jt 745	jf 752
(497) ja       250
(498) jeq      #0xf9            jt 748	jf 754
(499) ja       251
(500) jeq      #0xfa            jt 751	jf 756
(501) ja       252
(502) jeq      #0xfb            jt 754	jf 758
(503) ja       253
(504) jeq      #0xfc            jt 757	jf 760
(505) ja       254
(506) jeq      #0xfd            jt 760	jf 762
(507) ja       255
(508) jeq      #0xfe            jt 763	jf 764
(509) ja       256
(510) jeq      #0xff            jt 766	jf 766
(511) ja       257
(512) jeq      #0x100           jt 513	jf 768
(513) ja       258
(514) jeq      #0x101           jt 516	jf 770
(515) ja       259
(516) jeq      #0x102           jt 519	jf 772
(517) ja       260
(518) jeq      #0x103           jt 522	jf 774
(519) ja       261
(520) jeq      #0x104           jt 525	jf 776
(521) ja       262
(522) jeq      #0x105           jt 528	jf 778
(523) ja       263
(524) jeq      #0x106           jt 531	jf 780
(525) ja       264
(526) jeq      #0x107           jt 534	jf 782
(527) ja       265
(528) jeq      #0x108           jt 537	jf 784
(529) ja       266
(530) jeq      #0x109           jt 540	jf 786
(531) ja       267
(532) jeq      #0x10a           jt 543	jf 788
(533) ja       268
(534) jeq      #0x10b           jt 546	jf 790
(535) ja       269
(536) jeq      #0x10c           jt 549	jf 792
(537) ja       270
(538) jeq      #0x10d           jt 552	jf 794
(539) ja       271
(540) jeq      #0x10e           jt 555	jf 796
(541) ja       272
(542) jeq      #0x10f           jt 558	jf 798
(543) ja       273
(544) jeq      #0x110           jt 561	jf 800
(545) ja       274
(546) jeq      #0x111           jt 564	jf 802
(547) ja       275
(548) jeq      #0x112           jt 567	jf 804
(549) ja       276
(550) jeq      #0x113           jt 570	jf 806
(551) ja       277
(552) jeq      #0x114           jt 573	jf 808
(553) ja       278
(554) jeq      #0x115           jt 576	jf 810
(555) ja       279
(556) jeq      #0x116           jt 579	jf 812
(557) ja       280
(558) jeq      #0x117           jt 582	jf 814
(559) ja       281
(560) jeq      #0x118           jt 585	jf 816
(561) ja       282
(562) jeq      #0x119           jt 588	jf 818
(563) ja       283
(564) jeq      #0x11a           jt 591	jf 820
(565) ja       284
(566) jeq      #0x11b           jt 594	jf 822
(567) ja       285
(568) jeq      #0x11c           jt 597	jf 824
(569) ja       286
(570) jeq      #0x11d           jt 600	jf 826
(571) ja       287
(572) jeq      #0x11e           jt 603	jf 828
(573) ja       288
(574) jeq      #0x11f           jt 606	jf 830
(575) ja       289
(576) jeq      #0x120           jt 609	jf 832
(577) ja       290
(578) jeq      #0x121           jt 612	jf 834
(579) ja       291
(580) jeq      #0x122           jt 615	jf 836
(581) ja       292
(582) jeq      #0x123           jt 618	jf 838
(583) ja       293
(584) jeq      #0x124           jt 621	jf 840
(585) ja       294
(586) jeq      #0x125           jt 624	jf 842
(587) ja       295
(588) jeq      #0x126           jt 627	jf 844
(589) ja       296
(590) jeq      #0x127           jt 630	jf 846
(591) ja       297
(592) jeq      #0x128           jt 633	jf 848
(593) ja       298
(594) jeq      #0x129           jt 636	jf 850
(595) ja       299
(596) jeq      #0x12a           jt 639	jf 852
(597) ja       300
(598) jeq      #0x12b           jt 642	jf 854
(599) ja       301
(600) jeq      #0x12c           jt 645	jf 856
(601) ja       302
(602) jeq      #0x12d           jt 648	jf 858
(603) ja       303
(604) jeq      #0x12e           jt 651	jf 860
(605) ja       304
(606) jeq      #0x12f           jt 654	jf 862
(607) ja       305
(608) jeq      #0x130           jt 657	jf 864
(609) ja       306
(610) jeq      #0x131           jt 660	jf 866
(611) ja       307
(612) jeq      #0x132           jt 663	jf 868
(613) ja       308
(614) jeq      #0x133           jt 666	jf 870
(615) ja       309
(616) jeq      #0x134           jt 669	jf 872
(617) ja       310
(618) jeq      #0x135           jt 672	jf 874
(619) ja       311
(620) jeq      #0x136           jt 675	jf 876
(621) ja       312
(622) jeq      #0x137           jt 678	jf 878
(623) ja       313
(624) jeq      #0x138           jt 681	jf 880
(625) ja       314
(626) jeq      #0x139           jt 684	jf 882
(627) ja       315
(628) jeq      #0x13a           jt 687	jf 884
(629) ja       316
(630) jeq      #0x13b           jt 690	jf 886
(631) ja       317
(632) jeq      #0x13c           jt 693	jf 888
(633) ja       318
(634) jeq      #0x13d           jt 696	jf 890
(635) ja       319
(636) jeq      #0x13e           jt 699	jf 892
(637) ja       320
(638) jeq      #0x13f           jt 702	jf 894
(639) ja       321
(640) jeq      #0x140           jt 705	jf 896
(641) ja       322
(642) jeq      #0x141           jt 708	jf 898
(643) ja       323
(644) jeq      #0x142           jt 711	jf 900
(645) ja       324
(646) jeq      #0x143           jt 714	jf 902
(647) ja       325
(648) jeq      #0x144           jt 717	jf 904
(649) ja       326
(650) jeq      #0x145           jt 720	jf 906
(651) ja       327
(652) jeq      #0x146           jt 723	jf 908
(653) ja       328
(654) jeq      #0x147           jt 726	jf 910
(655) ja       329
(656) jeq      #0x148           jt 729	jf 912
(657) ja       330
(658) jeq      #0x149           jt 732	jf 914
(659) ja       331
(660) jeq      #0x14a           jt 735	jf 916
(661) ja       332
(662) jeq      #0x14b           jt 738	jf 918
(663) ja       333
(664) jeq      #0x14c           jt 741	jf 920
(665) ja       334
(666) jeq      #0x14d           jt 744	jf 922
(667) ja       335
(668) jeq      #0x14e           jt 747	jf 924
(669) ja       336
(670) jeq      #0x14f           jt 750	jf 926
(671) ja       337
(672) jeq      #0x150           jt 753	jf 928
(673) ja       338
(674) jeq      #0x151           jt 756	jf 930
(675) ja       339
(676) jeq      #0x152           jt 759	jf 932
(677) ja       340
(678) jeq      #0x153           jt 762	jf 934
(679) ja       341
(680) jeq      #0x154           jt 765	jf 936
(681) ja       342
(682) jeq      #0x155           jt 768	jf 938
(683) ja       343
(684) jeq      #0x156           jt 771	jf 940
(685) ja       344
(686) jeq      #0x157           jt 774	jf 942
(687) ja       345
(688) jeq      #0x158           jt 777	jf 944
(689) ja       346
(690) jeq      #0x159           jt 780	jf 946
(691) ja       347
(692) jeq      #0x15a           jt 783	jf 948
(693) ja       348
(694) jeq      #0x15b           jt 786	jf 950
(695) ja       349
(696) jeq      #0x15c           jt 789	jf 952
(697) ja       350
(698) jeq      #0x15d           jt 792	jf 954
(699) ja       351
(700) jeq      #0x15e           jt 795	jf 956
(701) ja       352
(702) jeq      #0x15f           jt 798	jf 958
(703) ja       353
(704) jeq      #0x160           jt 801	jf 960
(705) ja       354
(706) jeq      #0x161           jt 804	jf 962
(707) ja       355
(708) jeq      #0x162           jt 807	jf 964
(709) ja       356
(710) jeq      #0x163           jt 810	jf 966
(711) ja       357
(712) jeq      #0x164           jt 813	jf 968
(713) ja       358
(714) jeq      #0x165           jt 816	jf 970
(715) ja       359
(716) jeq      #0x166           jt 819	jf 972
(717) ja       360
(718) jeq      #0x167           jt 822	jf 974
(719) ja       361
(720) jeq      #0x168           jt 825	jf 976
(721) ja       362
(722) jeq      #0x169           jt 828	jf 978
(723) ja       363
(724) jeq      #0x16a           jt 831	jf 980
(725) ja       364
(726) jeq      #0x16b           jt 834	jf 982
(727) ja       365
(728) jeq      #0x16c           jt 837	jf 984
(729) ja       366
(730) jeq      #0x16d           jt 840	jf 986
(731) ja       367
(732) jeq      #0x16e           jt 843	jf 988
(733) ja       368
(734) jeq      #0x16f           jt 846	jf 990
(735) ja       369
(736) jeq      #0x170           jt 849	jf 992
(737) ja       370
(738) jeq      #0x171           jt 852	jf 994
(739) ja       371
(740) jeq      #0x172           jt 855	jf 996
(741) ja       372
(742) jeq      #0x173           jt 858	jf 998
(743) ja       373
(744) jeq      #0x174           jt 861	jf 1000
(745) ja       374
(746) jeq      #0x175           jt 864	jf 1002
(747) ja       375
(748) jeq      #0x176           jt 867	jf 1004
(749) ja       376
(750) jeq      #0x177           jt 870	jf 1006
(751) ja       377
(752) jeq      #0x178           jt 873	jf 1008
(753) ja       378
(754) jeq      #0x179           jt 876	jf 1010
(755) ja       379
(756) jeq      #0x17a           jt 879	jf 1012
(757) ja       380
(758) jeq      #0x17b           jt 882	jf 1014
(759) ja       381
(760) jeq      #0x17c           jt 885	jf 1016
(761) ja       382
(762) jeq      #0x17d           jt 888	jf 1018
(763) ja       383
(764) jeq      #0x17e           jt 891	jf 1020
(765) ja       384
(766) jeq      #0x17f           jt 894	jf 1022
(767) ja       385
(768) jeq      #0x180           jt 897	jf 1024
(769) ja       386
(770) jeq      #0x181           jt 900	jf 1026
(771) ja       387
(772) jeq      #0x182           jt 903	jf 1028
(773) ja       388
(774) jeq      #0x183           jt 906	jf 1030
(775) ja       389
(776) jeq      #0x184           jt 909	jf 1032
(777) ja       390
(778) jeq      #0x185           jt 912	jf 1034
(779) ja       391
(780) jeq      #0x186           jt 915	jf 1036
(781) ja       392
(782) jeq      #0x187           jt 918	jf 1038
(783) ja       393
(784) jeq      #0x188           jt 921	jf 1040
(785) ja       394
(786) jeq      #0x189           jt 924	jf 1042
(787) ja       395
(788) jeq      #0x18a           jt 927	jf 1044
(789) ja       396
(790) jeq      #0x18b           jt 930	jf 1046
(791) ja       397
(792) jeq      #0x18c           jt 933	jf 1048
(793) ja       398
(794) jeq      #0x18d           jt 936	jf 1050
(795) ja       399
(796) jeq      #0x18e           jt 939	jf 1052
(797) ja       400
(798) jeq      #0x18f           jt 942	jf 1054
(799) ja       401
(800) jeq      #0x190           jt 945	jf 1056
(801) ja       402
(802) jeq      #0x191           jt 948	jf 1058
(803) ja       403
(804) jeq      #0x192           jt 951	jf 1060
(805) ja       404
(806) jeq      #0x193           jt 954	jf 1062
(807) ja       405
(808) jeq      #0x194           jt 957	jf 1064
(809) ja       406
(810) jeq      #0x195           jt 960	jf 1066
(811) ja       407
(812) jeq      #0x196           jt 963	jf 1068
(813) ja       408
(814) jeq      #0x197           jt 966	jf 1070
(815) ja       409
(816) jeq      #0x198           jt 969	jf 1072
(817) ja       410
(818) jeq      #0x199           jt 972	jf 1074
(819) ja       411
(820) jeq      #0x19a           jt 975	jf 1076
(821) ja       412
(822) jeq      #0x19b           jt 978	jf 1078
(823) ja       413
(824) jeq      #0x19c           jt 981	jf 1080
(825) ja       414
(826) jeq      #0x19d           jt 984	jf 1082
(827) ja       415
(828) jeq      #0x19e           jt 987	jf 1084
(829) ja       416
(830) jeq      #0x19f           jt 990	jf 1086
(831) ja       417
(832) jeq      #0x1a0           jt 993	jf 1088
(833) ja       418
(834) jeq      #0x1a1           jt 996	jf 1090
(835) ja       419
(836) jeq      #0x1a2           jt 999	jf 1092
(837) ja       420
(838) jeq      #0x1a3           jt 1002	jf 1094
(839) ja       421
(840) jeq      #0x1a4           jt 1005	jf 1096
(841) ja       422
(842) jeq      #0x1a5           jt 1008	jf 1098
(843) ja       423
(844) jeq      #0x1a6           jt 1011	jf 1100
(845) ja       424
(846) jeq      #0x1a7           jt 1014	jf 1102
(847) ja       425
(848) jeq      #0x1a8           jt 1017	jf 1104
(849) ja       426
(850) jeq      #0x1a9           jt 1020	jf 1106
(851) ja       427
(852) jeq      #0x1aa           jt 1023	jf 1108
(853) ja       428
(854) jeq      #0x1ab           jt 1026	jf 1110
(855) ja       429
(856) jeq      #0x1ac           jt 1029	jf 1112
(857) ja       430
(858) jeq      #0x1ad           jt 1032	jf 1114
(859) ja       431
(860) jeq      #0x1ae           jt 1035	jf 1116
(861) ja       432
(862) jeq      #0x1af           jt 1038	jf 1118
(863) ja       433
(864) jeq      #0x1b0           jt 1041	jf 1120
(865) ja       434
(866) jeq      #0x1b1           jt 1044	jf 1122
(867) ja       435
(868) jeq      #0x1b2           jt 1047	jf 1124
(869) ja       436
(870) jeq      #0x1b3           jt 1050	jf 1126
(871) ja       437
(872) jeq      #0x1b4           jt 1053	jf 1128
(873) ja       438
(874) jeq      #0x1b5           jt 1056	jf 1130
(875) ja       439
(876) jeq      #0x1b6           jt 1059	jf 1132
(877) ja       440
(878) jeq      #0x1b7           jt 1062	jf 1134
(879) ja       441
(880) jeq      #0x1b8           jt 1065	jf 1136
(881) ja       442
(882) jeq      #0x1b9           jt 1068	jf 1138
(883) ja       443
(884) jeq      #0x1ba           jt 1071	jf 1140
(885) ja       444
(886) jeq      #0x1bb           jt 1074	jf 1142
(887) ja       445
(888) jeq      #0x1bc           jt 1077	jf 1144
(889) ja       446
(890) jeq      #0x1bd           jt 1080	jf 1146
(891) ja       447
(892) jeq      #0x1be           jt 1083	jf 1148
(893) ja       448
(894) jeq      #0x1bf           jt 1086	jf 1150
(895) ja       449
(896) jeq      #0x1c0           jt 1089	jf 1152
(897) ja       450
(898) jeq      #0x1c1           jt 1092	jf 1154
(899) ja       451
(900) jeq      #0x1c2           jt 1095	jf 1156
(901) ja       452
(902) jeq      #0x1c3           jt 1098	jf 1158
(903) ja       453
(904) jeq      #0x1c4           jt 1101	jf 1160
(905) ja       454
(906) jeq      #0x1c5           jt 1104	jf 1162
(907) ja       455
(908) jeq      #0x1c6           jt 1107	jf 1164
(909) ja       456
(910) jeq      #0x1c7           jt 1110	jf 1166
(911) ja       457
(912) jeq      #0x1c8           jt 1113	jf 1168
(913) ja       458
(914) jeq      #0x1c9           jt 1116	jf 1170
(915) ja       459
(916) jeq      #0x1ca           jt 1119	jf 1172
(917) ja       460
(918) jeq      #0x1cb           jt 1122	jf 1174
(919) ja       461
(920) jeq      #0x1cc           jt 1125	jf 1176
(921) ja       462
(922) jeq      #0x1cd           jt 1128	jf 1178
(923) ja       463
(924) jeq      #0x1ce           jt 1131	jf 1180
(925) ja       464
(926) jeq      #0x1cf           jt 1134	jf 1182
(927) ja       465
(928) jeq      #0x1d0           jt 1137	jf 1184
(929) ja       466
(930) jeq      #0x1d1           jt 1140	jf 1186
(931) ja       467
(932) jeq      #0x1d2           jt 1143	jf 1188
(933) ja       468
(934) jeq      #0x1d3           jt 1146	jf 1190
(935) ja       469
(936) jeq      #0x1d4           jt 1149	jf 1192
(937) ja       470
(938) jeq      #0x1d5           jt 1152	jf 1194
(939) ja       471
(940) jeq      #0x1d6           jt 1155	jf 1196
(941) ja       472
(942) jeq      #0x1d7           jt 1158	jf 1198
(943) ja       473
(944) jeq      #0x1d8           jt 1161	jf 1200
(945) ja       474
(946) jeq      #0x1d9           jt 1164	jf 1202
(947) ja       475
(948) jeq      #0x1da           jt 1167	jf 1204
(949) ja       476
(950) jeq      #0x1db           jt 1170	jf 1206
(951) ja       477
(952) jeq      #0x1dc           jt 1173	jf 1208
(953) ja       478
(954) jeq      #0x1dd           jt 1176	jf 1210
(955) ja       479
(956) jeq      #0x1de           jt 1179	jf 1212
(957) ja       480
(958) jeq      #0x1df           jt 1182	jf 1214
(959) ja       481
(960) jeq      #0x1e0           jt 1185	jf 1216
(961) ja       482
(962) jeq      #0x1e1           jt 1188	jf 1218
(963) ja       483
(964) jeq      #0x1e2           jt 1191	jf 1220
(965) ja       484
(966) jeq      #0x1e3           jt 1194	jf 1222
(967) ja       485
(968) jeq      #0x1e4           jt 1197	jf 1224
(969) ja       486
(970) jeq      #0x1e5           jt 1200	jf 1226
(971) ja       487
(972) jeq      #0x1e6           jt 1203	jf 1228
(973) ja       488
(974) jeq      #0x1e7           jt 1206	jf 1230
(975) ja       489
(976) jeq      #0x1e8           jt 1209	jf 1232
(977) ja       490
(978) jeq      #0x1e9           jt 1212	jf 1234
(979) ja       491
(980) jeq      #0x1ea           jt 1215	jf 1236
(981) ja       492
(982) jeq      #0x1eb           jt 1218	jf 1238
(983) ja       493
(984) jeq      #0x1ec           jt 1221	jf 1240
(985) ja       494
(986) jeq      #0x1ed           jt 1224	jf 1242
(987) ja       495
(988) jeq      #0x1ee           jt 1227	jf 1244
(989) ja       496
(990) jeq      #0x1ef           jt 1230	jf 1246
(991) ja       497
(992) jeq      #0x1f0           jt 1233	jf 1248
(993) ja       498
(994) jeq      #0x1f1           jt 1236	jf 1250
(995) ja       499
(996) jeq      #0x1f2           jt 1239	jf 1252
(997) ja       500
(998) jeq      #0x1f3           jt 1242	jf 1254
(999) ja       501
(1000) jeq      #0x1f4           jt 1245	jf 1256
(1001) ja       502
(1002) jeq      #0x1f5           jt 1248	jf 1258
(1003) ja       503
(1004) jeq      #0x1f6           jt 1251	jf 1260
(1005) ja       504
(1006) jeq      #0x1f7           jt 1254	jf 1262
(1007) ja       505
(1008) jeq      #0x1f8           jt 1257	jf 1264
(1009) ja       506
(1010) jeq      #0x1f9           jt 1260	jf 1266
(1011) ja       507
(1012) jeq      #0x1fa           jt 1263	jf 1268
(1013) ja       508
(1014) jeq      #0x1fb           jt 1266	jf 1270
(1015) ja       509
(1016) jeq      #0x1fc           jt 1269	jf 1272
(1017) ja       510
(1018) jeq      #0x1fd           jt 1272	jf 1274
(1019) ja       511
(1020) jeq      #0x1fe           jt 1275	jf 1276
(1021) ja       512
(1022) jeq      #0x1ff           jt 1278	jf 1278
(1023) ja       513
(1024) jeq      #0x200           jt 1025	jf 1280
(1025) ja       514
(1026) jeq      #0x201           jt 1028	jf 1282
(1027) ja       515
(1028) jeq      #0x202           jt 1031	jf 1284
(1029) ja       516
(1030) jeq      #0x203           jt 1034	jf 1286
(1031) ja       517
(1032) jeq      #0x204           jt 1037	jf 1288
(1033) ja       518
(1034) jeq      #0x205           jt 1040	jf 1290
(1035) ja       519
(1036) jeq      #0x206           jt 1043	jf 1292
(1037) ja       520
(1038) jeq      #0x207           jt 1046	jf 1294
(1039) ja       521
(1040) jeq      #0x208           jt 1049	jf 1296
(1041) ja       522
(1042) jeq      #0x209           jt 1052	jf 1298
(1043) ja       523
(1044) jeq      #0x20a           jt 1055	jf 1300
(1045) ja       524
(1046) jeq      #0x20b           jt 1058	jf 1302
(1047) ja       525
(1048) jeq      #0x20c           jt 1061	jf 1304
(1049) ja       526
(1050) jeq      #0x20d           jt 1064	jf 1306
(1051) ja       527
(1052) jeq      #0x20e           jt 1067	jf 1308
(1053) ja       528
(1054) jeq      #0x20f           jt 1070	jf 1310
(1055) ja       529
(1056) jeq      #0x210           jt 1073	jf 1312
(1057) ja       530
(1058) jeq      #0x211           jt 1076	jf 1314
(1059) ja       531
(1060) jeq      #0x212           jt 1079	jf 1316
(1061) ja       532
(1062) jeq      #0x213           jt 1082	jf 1318
(1063) ja       533
(1064) jeq      #0x214           jt 1085	jf 1320
(1065) ja       534
(1066) jeq      #0x215           jt 1088	jf 1322
(1067) ja       535
(1068) jeq      #0x216           jt 1091	jf 1324
(1069) ja       536
(1070) jeq      #0x217           jt 1094	jf 1326
(1071) ja       537
(1072) jeq      #0x218           jt 1097	jf 1328
(1073) ja       538
(1074) jeq      #0x219           jt 1100	jf 1330
(1075) ja       539
(1076) jeq      #0x21a           jt 1103	jf 1332
(1077) ja       540
(1078) jeq      #0x21b           jt 1106	jf 1334
(1079) ja       541
(1080) jeq      #0x21c           jt 1109	jf 1336
(1081) ja       542
(1082) jeq      #0x21d           jt 1112	jf 1338
(1083) ja       543
(1084) jeq      #0x21e           jt 1115	jf 1340
(1085) ja       544
(1086) jeq      #0x21f           jt 1118	jf 1342
(1087) ja       545
(1088) jeq      #0x220           jt 1121	jf 1344
(1089) ja       546
(1090) jeq      #0x221           jt 1124	jf 1346
(1091) ja       547
(1092) jeq      #0x222           jt 1127	jf 1348
(1093) ja       548
(1094) jeq      #0x223           jt 1130	jf 1350
(1095) ja       549
(1096) jeq      #0x224           jt 1133	jf 1352
(1097) ja       550
(1098) jeq      #0x225           jt 1136	jf 1354
(1099) ja       551
(1100) jeq      #0x226           jt 1139	jf 1356
(1101) ja       552
(1102) jeq      #0x227           jt 1142	jf 1358
(1103) ja       553
(1104) jeq      #0x228           jt 1145	jf 1360
(1105) ja       554
(1106) jeq      #0x229           jt 1148	jf 1362
(1107) ja       555
(1108) jeq      #0x22a           jt 1151	jf 1364
(1109) ja       556
(1110) jeq      #0x22b           jt 1154	jf 1366
(1111) ja       557
(1112) jeq      #0x22c           jt 1157	jf 1368
(1113) ja       558
(1114) jeq      #0x22d           jt 1160	jf 1370
(1115) ja       559
(1116) jeq      #0x22e           jt 1163	jf 1372
(1117) ja       560
(1118) jeq      #0x22f           jt 1166	jf 1374
(1119) ja       561
(1120) jeq      #0x230           jt 1169	jf 1376
(1121) ja       562
(1122) jeq      #0x231           jt 1172	jf 1378
(1123) ja       563
(1124) jeq      #0x232           jt 1175	jf 1380
(1125) ja       564
(1126) jeq      #0x233           jt 1178	jf 1382
(1127) ja       565
(1128) jeq      #0x234           jt 1181	jf 1384
(1129) ja       566
(1130) jeq      #0x235           jt 1184	jf 1386
(1131) ja       567
(1132) jeq      #0x236           jt 1187	jf 1388
(1133) ja       568
(1134) jeq      #0x237           jt 1190	jf 1390
(1135) ja       569
(1136) jeq      #0x238           jt 1193	jf 1392
(1137) ja       570
(1138) jeq      #0x239           jt 1196	jf 1394
(1139) ja       571
(1140) jeq      #0x23a           jt 1199	jf 1396
(1141) ja       572
(1142) jeq      #0x23b           jt 1202	jf 1398
(1143) ja       573
(1144) jeq      #0x23c           jt 1205	jf 1400
(1145) ja       574
(1146) jeq      #0x23d           jt 1208	jf 1402
(1147) ja       575
(1148) jeq      #0x23e           jt 1211	jf 1404
(1149) ja       576
(1150) jeq      #0x23f           jt 1214	jf 1406
(1151) ja       577
(1152) jeq      #0x240           jt 1217	jf 1408
(1153) ja       578
(1154) jeq      #0x241           jt 1220	jf 1410
(1155) ja       579
(1156) jeq      #0x242           jt 1223	jf 1412
(1157) ja       580
(1158) jeq      #0x243           jt 1226	jf 1414
(1159) ja       581
(1160) jeq      #0x244           jt 1229	jf 1416
(1161) ja       582
(1162) jeq      #0x245           jt 1232	jf 1418
(1163) ja       583
(1164) jeq      #0x246           jt 1235	jf 1420
(1165) ja       584
(1166) jeq      #0x247           jt 1238	jf 1422
(1167) ja       585
(1168) jeq      #0x248           jt 1241	jf 1424
(1169) ja       586
(1170) jeq      #0x249           jt 1244	jf 1426
(1171) ja       587
(1172) jeq      #0x24a           jt 1247	jf 1428
(1173) ja       588
(1174) jeq      #0x24b           jt 1250	jf 1430
(1175) ja       589
(1176) jeq      #0x24c           jt 1253	jf 1432
(1177) ja       590
(1178) jeq      #0x24d           jt 1256	jf 1434
(1179) ja       591
(1180) jeq      #0x24e           jt 1259	jf 1436
(1181) ja       592
(1182) jeq      #0x24f           jt 1262	jf 1438
(1183) ja       593
(1184) jeq      #0x250           jt 1265	jf 1440
(1185) ja       594
(1186) jeq      #0x251           jt 1268	jf 1442
(1187) ja       595
(1188) jeq      #0x252           jt 1271	jf 1444
(1189) ja       596
(1190) jeq      #0x253           jt 1274	jf 1446
(1191) ja       597
(1192) jeq      #0x254           jt 1277	jf 1448
(1193) ja       598
(1194) jeq      #0x255           jt 1280	jf 1450
(1195) ja       599
(1196) jeq      #0x256           jt 1283	jf 1452
(1197) ja       600
(1198) jeq      #0x257           jt 1286	jf 1454
(1199) ja       601
(1200) jeq      #0x258           jt 1289	jf 1456
(1201) ja       602
(1202) jeq      #0x259           jt 1292	jf 1458
(1203) ja       603
(1204) jeq      #0x25a           jt 1295	jf 1460
(1205) ja       604
(1206) jeq      #0x25b           jt 1298	jf 1462
(1207) ja       605
(1208) jeq      #0x25c           jt 1301	jf 1464
(1209) ja       606
(1210) jeq      #0x25d           jt 1304	jf 1466
(1211) ja       607
(1212) jeq      #0x25e           jt 1307	jf 1468
(1213) ja       608
(1214) jeq      #0x25f           jt 1310	jf 1470
(1215) ja       609
(1216) jeq      #0x260           jt 1313	jf 1472
(1217) ja       610
(1218) jeq      #0x261           jt 1316	jf 1474
(1219) ja       611
(1220) jeq      #0x262           jt 1319	jf 1476
(1221) ja       612
(1222) jeq      #0x263           jt 1322	jf 1478
(1223) ja       613
(1224) jeq      #0x264           jt 1325	jf 1480
(1225) ja       614
(1226) jeq      #0x265           jt 1328	jf 1482
(1227) ja       615
(1228) jeq      #0x266           jt 1331	jf 1484
(1229) ja       616
(1230) jeq      #0x267           jt 1334	jf 1486
(1231) ja       617
(1232) jeq      #0x268           jt 1337	jf 1488
(1233) ja       618
(1234) jeq      #0x269           jt 1340	jf 1490
(1235) ja       619
(1236) jeq      #0x26a           jt 1343	jf 1492
(1237) ja       620
(1238) jeq      #0x26b           jt 1346	jf 1494
(1239) ja       621
(1240) jeq      #0x26c           jt 1349	jf 1496
(1241) ja       622
(1242) jeq      #0x26d           jt 1352	jf 1498
(1243) ja       623
(1244) jeq      #0x26e           jt 1355	jf 1500
(1245) ja       624
(1246) jeq      #0x26f           jt 1358	jf 1502
(1247) ja       625
(1248) jeq      #0x270           jt 1361	jf 1504
(1249) ja       626
(1250) jeq      #0x271           jt 1364	jf 1506
(1251) ja       627
(1252) jeq      #0x272           jt 1367	jf 1508
(1253) ja       628
(1254) jeq      #0x273           jt 1370	jf 1510
(1255) ja       629
(1256) jeq      #0x274           jt 1373	jf 1512
(1257) ja       630
(1258) jeq      #0x275           jt 1376	jf 1514
(1259) ja       631
(1260) jeq      #0x276           jt 1379	jf 1516
(1261) ja       632
(1262) jeq      #0x277           jt 1382	jf 1518
(1263) ja       633
(1264) jeq      #0x278           jt 1385	jf 1520
(1265) ja       634
(1266) jeq      #0x279           jt 1388	jf 1522
(1267) ja       635
(1268) jeq      #0x27a           jt 1391	jf 1524
(1269) ja       636
(1270) jeq      #0x27b           jt 1394	jf 1526
(1271) ja       637
(1272) jeq      #0x27c           jt 1397	jf 1528
(1273) ja       638
(1274) jeq      #0x27d           jt 1400	jf 1530
(1275) ja       639
(1276) jeq      #0x27e           jt 1403	jf 1532
(1277) ja       640
(1278) jeq      #0x27f           jt 1406	jf 1534
(1279) ja       641
(1280) jeq      #0x280           jt 1409	jf 1536
(1281) ja       642
(1282) jeq      #0x281           jt 1412	jf 1538
(1283) ja       643
(1284) jeq      #0x282           jt 1415	jf 1540
(1285) ja       644
(1286) jeq      #0x283           jt 1418	jf 1542
(1287) ja       645
(1288) jeq      #0x284           jt 1421	jf 1544
(1289) ja       646
(1290) jeq      #0x285           jt 1424	jf 1546
(1291) ja       647
(1292) jeq      #0x286           jt 1427	jf 1548
(1293) ja       648
(1294) jeq      #0x287           jt 1430	jf 1550
(1295) ja       649
(1296) jeq      #0x288           jt 1433	jf 1552
(1297) ja       650
(1298) jeq      #0x289           jt 1436	jf 1554
(1299) ja       651
(1300) jeq      #0x28a           jt 1439	jf 1556
(1301) ja       652
(1302) jeq      #0x28b           jt 1442	jf 1558
(1303) ja       653
(1304) jeq      #0x28c           jt 1445	jf 1560
(1305) ja       654
(1306) jeq      #0x28d           jt 1448	jf 1562
(1307) ja       655
(1308) jeq      #0x28e           jt 1451	jf 1564
(1309) ja       656
(1310) jeq      #0x28f           jt 1454	jf 1566
(1311) ja       657
(1312) jeq      #0x290           jt 1457	jf 1568
(1313) ja       658
(1314) jeq      #0x291           jt 1460	jf 1570
(1315) ja       659
(1316) jeq      #0x292           jt 1463	jf 1572
(1317) ja       660
(1318) jeq      #0x293           jt 1466	jf 1574
(1319) ja       661
(1320) jeq      #0x294           jt 1469	jf 1576
(1321) ja       662
(1322) jeq      #0x295           jt 1472	jf 1578
(1323) ja       663
(1324) jeq      #0x296           jt 1475	jf 1580
(1325) ja       664
(1326) jeq      #0x297           jt 1478	jf 1582
(1327) ja       665
(1328) jeq      #0x298           jt 1481	jf 1584
(1329) ja       666
(1330) jeq      #0x299           jt 1484	jf 1586
(1331) ja       667
(1332) jeq      #0x29a           jt 1487	jf 1588
(1333) ja       668
(1334) jeq      #0x29b           jt 1490	jf 1590
(1335) ja       669
(1336) jeq      #0x29c           jt 1493	jf 1592
(1337) ja       670
(1338) jeq      #0x29d           jt 1496	jf 1594
(1339) ja       671
(1340) jeq      #0x29e           jt 1499	jf 1596
(1341) ja       672
(1342) jeq      #0x29f           jt 1502	jf 1598
(1343) ja       673
(1344) jeq      #0x2a0           jt 1505	jf 1600
(1345) ja       674
(1346) jeq      #0x2a1           jt 1508	jf 1602
(1347) ja       675
(1348) jeq      #0x2a2           jt 1511	jf 1604
(1349) ja       676
(1350) jeq      #0x2a3           jt 1514	jf 1606
(1351) ja       677
(1352) jeq      #0x2a4           jt 1517	jf 1608
(1353) ja       678
(1354) jeq      #0x2a5           jt 1520	jf 1610
(1355) ja       679
(1356) jeq      #0x2a6           jt 1523	jf 1612
(1357) ja       680
(1358) jeq      #0x2a7           jt 1526	jf 1614
(1359) ja       681
(1360) jeq      #0x2a8           jt 1529	jf 1616
(1361) ja       682
(1362) jeq      #0x2a9           jt 1532	jf 1618
(1363) ja       683
(1364) jeq      #0x2aa           jt 1535	jf 1620
(1365) ja       684
(1366) jeq      #0x2ab           jt 1538	jf 1622
(1367) ja       685
(1368) jeq      #0x2ac           jt 1541	jf 1624
(1369) ja       686
(1370) jeq      #0x2ad           jt 1544	jf 1626
(1371) ja       687
(1372) jeq      #0x2ae           jt 1547	jf 1628
(1373) ja       688
(1374) jeq      #0x2af           jt 1550	jf 1630
(1375) ja       689
(1376) jeq      #0x2b0           jt 1553	jf 1632
(1377) ja       690
(1378) jeq      #0x2b1           jt 1556	jf 1634
(1379) ja       691
(1380) jeq      #0x2b2           jt 1559	jf 1636
(1381) ja       692
(1382) jeq      #0x2b3           jt 1562	jf 1638
(1383) ja       693
(1384) jeq      #0x2b4           jt 1565	jf 1640
(1385) ja       694
(1386) jeq      #0x2b5           jt 1568	jf 1642
(1387) ja       695
(1388) jeq      #0x2b6           jt 1571	jf 1644
(1389) ja       696
(1390) jeq      #0x2b7           jt 1574	jf 1646
(1391) ja       697
(1392) jeq      #0x2b8           jt 1577	jf 1648
(1393) ja       698
(1394) jeq      #0x2b9           jt 1580	jf 1650
(1395) ja       699
(1396) jeq      #0x2ba           jt 1583	jf 1652
(1397) ja       700
(1398) jeq      #0x2bb           jt 1586	jf 1654
(1399) ja       701
(1400) jeq      #0x2bc           jt 1589	jf 1656
(1401) ja       702
(1402) jeq      #0x2bd           jt 1592	jf 1658
(1403) ja       703
(1404) jeq      #0x2be           jt 1595	jf 1660
(1405) ja       704
(1406) jeq      #0x2bf           jt 1598	jf 1662
(1407) ja       705
(1408) jeq      #0x2c0           jt 1601	jf 1664
(1409) ja       706
(1410) jeq      #0x2c1           jt 1604	jf 1666
(1411) ja       707
(1412) jeq      #0x2c2           jt 1607	jf 1668
(1413) ja       708
(1414) jeq      #0x2c3           jt 1610	jf 1670
(1415) ja       709
(1416) jeq      #0x2c4           jt 1613	jf 1672
(1417) ja       710
(1418) jeq      #0x2c5           jt 1616	jf 1674
(1419) ja       711
(1420) jeq      #0x2c6           jt 1619	jf 1676
(1421) ja       712
(1422) jeq      #0x2c7           jt 1622	jf 1678
(1423) ja       713
(1424) jeq      #0x2c8           jt 1625	jf 1680
(1425) ja       714
(1426) jeq      #0x2c9           jt 1628	jf 1682
(1427) ja       715
(1428) jeq      #0x2ca           jt 1631	jf 1684
(1429) ja       716
(1430) jeq      #0x2cb           jt 1634	jf 1686
(1431) ja       717
(1432) jeq      #0x2cc           jt 1637	jf 1688
(1433) ja       718
(1434) jeq      #0x2cd           jt 1640	jf 1690
(1435) ja       719
(1436) jeq      #0x2ce           jt 1643	jf 1692
(1437) ja       720
(1438) jeq      #0x2cf           jt 1646	jf 1694
(1439) ja       721
(1440) jeq      #0x2d0           jt 1649	jf 1696
(1441) ja       722
(1442) jeq      #0x2d1           jt 1652	jf 1698
(1443) ja       723
(1444) jeq      #0x2d2           jt 1655	jf 1700
(1445) ja       724
(1446) jeq      #0x2d3           jt 1658	jf 1702
(1447) ja       725
(1448) jeq      #0x2d4           jt 1661	jf 1704
(1449) ja       726
(1450) jeq      #0x2d5           jt 1664	jf 1706
(1451) ja       727
(1452) jeq      #0x2d6           jt 1667	jf 1708
(1453) ja       728
(1454) jeq      #0x2d7           jt 1670	jf 1710
(1455) ja       729
(1456) jeq      #0x2d8           jt 1673	jf 1712
(1457) ja       730
(1458) jeq      #0x2d9           jt 1676	jf 1714
(1459) ja       731
(1460) jeq      #0x2da           jt 1679	jf 1716
(1461) ja       732
(1462) jeq      #0x2db           jt 1682	jf 1718
(1463) ja       733
(1464) jeq      #0x2dc           jt 1685	jf 1720
(1465) ja       734
(1466) jeq      #0x2dd           jt 1688	jf 1722
(1467) ja       735
(1468) jeq      #0x2de           jt 1691	jf 1724
(1469) ja       736
(1470) jeq      #0x2df           jt 1694	jf 1726
(1471) ja       737
(1472) jeq      #0x2e0           jt 1697	jf 1728
(1473) ja       738
(1474) jeq      #0x2e1           jt 1700	jf 1730
(1475) ja       739
(1476) jeq      #0x2e2           jt 1703	jf 1732
(1477) ja       740
(1478) jeq      #0x2e3           jt 1706	jf 1734
(1479) ja       741
(1480) jeq      #0x2e4           jt 1709	jf 1736
(1481) ja       742
(1482) jeq      #0x2e5           jt 1712	jf 1738
(1483) ja       743
(1484) jeq      #0x2e6           jt 1715	jf 1740
(1485) ja       744
(1486) jeq      #0x2e7           jt 1718	jf 1742
(1487) ja       745
(1488) jeq      #0x2e8           jt 1721	jf 1744
(1489) ja       746
(1490) jeq      #0x2e9           jt 1724	jf 1746
(1491) ja       747
(1492) jeq      #0x2ea           jt 1727	jf 1748
(1493) ja       748
(1494) jeq      #0x2eb           jt 1730	jf 1750
(1495) ja       749
(1496) jeq      #0x2ec           jt 1733	jf 1752
(1497) ja       750
(1498) jeq      #0x2ed           jt 1736	jf 1754
(1499) ja       751
(1500) jeq      #0x2ee           jt 1739	jf 1756
(1501) ja       752
(1502) jeq      #0x2ef           jt 1742	jf 1758
(1503) ja       753
(1504) jeq      #0x2f0           jt 1745	jf 1760
(1505) ja       754
(1506) jeq      #0x2f1           jt 1748	jf 1762
(1507) ja       755
(1508) jeq      #0x2f2           jt 1751	jf 1764
(1509) ja       756
(1510) jeq      #0x2f3           jt 1754	jf 1766
(1511) ja       757
(1512) jeq      #0x2f4           jt 1757	jf 1768
(1513) ja       758
(1514) jeq      #0x2f5           jt 1760	jf 1770
(1515) ja       759
(1516) jeq      #0x2f6           jt 1763	jf 1772
(1517) ja       760
(1518) jeq      #0x2f7           jt 1766	jf 1774
(1519) ja       761
(1520) jeq      #0x2f8           jt 1769	jf 1776
(1521) ja       762
(1522) jeq      #0x2f9           jt 1772	jf 1778
(1523) ja       763
(1524) jeq      #0x2fa           jt 1775	jf 1780
(1525) ja       764
(1526) jeq      #0x2fb           jt 1778	jf 1782
(1527) ja       765
(1528) jeq      #0x2fc           jt 1781	jf 1784
(1529) ja       766
(1530) jeq      #0x2fd           jt 1784	jf 1786
(1531) ja       767
(1532) jeq      #0x2fe           jt 1787	jf 1788
(1533) ja       768
(1534) jeq      #0x2ff           jt 1790	jf 1790
(1535) ja       769
(1536) jeq      #0x300           jt 1537	jf 1792
(1537) ja       770
(1538) jeq      #0x301           jt 1540	jf 1794
(1539) ja       771
(1540) jeq      #0x302           jt 1543	jf 1796
(1541) ja       772
(1542) jeq      #0x303           jt 1546	jf 1798
(1543) ja       773
(1544) jeq      #0x304           jt 1549	jf 1800
(1545) ja       774
(1546) jeq      #0x305           jt 1552	jf 1802
(1547) ja       775
(1548) jeq      #0x306           jt 1555	jf 1804
(1549) ja       776
(1550) jeq      #0x307           jt 1558	jf 1806
(1551) ja       777
(1552) jeq      #0x308           jt 1561	jf 1808
(1553) ja       778
(1554) jeq      #0x309           jt 1564	jf 1810
(1555) ja       779
(1556) jeq      #0x30a           jt 1567	jf 1812
(1557) ja       780
(1558) jeq      #0x30b           jt 1570	jf 1814
(1559) ja       781
(1560) jeq      #0x30c           jt 1573	jf 1816
(1561) ja       782
(1562) jeq      #0x30d           jt 1576	jf 1818
(1563) ja       783
(1564) jeq      #0x30e           jt 1579	jf 1820
(1565) ja       784
(1566) jeq      #0x30f           jt 1582	jf 1822
(1567) ja       785
(1568) jeq      #0x310           jt 1585	jf 1824
(1569) ja       786
(1570) jeq      #0x311           jt 1588	jf 1826
(1571) ja       787
(1572) jeq      #0x312           jt 1591	jf 1828
(1573) ja       788
(1574) jeq      #0x313           jt 1594	jf 1830
(1575) ja       789
(1576) jeq      #0x314           jt 1597	jf 1832
(1577) ja       790
(1578) jeq      #0x315           jt 1600	jf 1834
(1579) ja       791
(1580) jeq      #0x316           jt 1603	jf 1836
(1581) ja       792
(1582) jeq      #0x317           jt 1606	jf 1838
(1583) ja       793
(1584) jeq      #0x318           jt 1609	jf 1840
(1585) ja       794
(1586) jeq      #0x319           jt 1612	jf 1842
(1587) ja       795
(1588) jeq      #0x31a           jt 1615	jf 1844
(1589) ja       796
(1590) jeq      #0x31b           jt 1618	jf 1846
(1591) ja       797
(1592) jeq      #0x31c           jt 1621	jf 1848
(1593) ja       798
(1594) jeq      #0x31d           jt 1624	jf 1850
(1595) ja       799
(1596) jeq      #0x31e           jt 1627	jf 1852
(1597) ja       800
(1598) jeq      #0x31f           jt 1630	jf 1854
(1599) ja       801
(1600) jeq      #0x320           jt 1633	jf 1856
(1601) ja       802
(1602) jeq      #0x321           jt 1636	jf 1858
(1603) ja       803
(1604) jeq      #0x322           jt 1639	jf 1860
(1605) ja       804
(1606) jeq      #0x323           jt 1642	jf 1862
(1607) ja       805
(1608) jeq      #0x324           jt 1645	jf 1864
(1609) ja       806
(1610) jeq      #0x325           jt 1648	jf 1866
(1611) ja       807
(1612) jeq      #0x326           jt 1651	jf 1868
(1613) ja       808
(1614) jeq      #0x327           jt 1654	jf 1870
(1615) ja       809
(1616) jeq      #0x328           jt 1657	jf 1872
(1617) ja       810
(1618) jeq      #0x329           jt 1660	jf 1874
(1619) ja       811
(1620) jeq      #0x32a           jt 1663	jf 1876
(1621) ja       812
(1622) jeq      #0x32b           jt 1666	jf 1878
(1623) ja       813
(1624) jeq      #0x32c           jt 1669	jf 1880
(1625) ja       814
(1626) jeq      #0x32d           jt 1672	jf 1882
(1627) ja       815
(1628) jeq      #0x32e           jt 1675	jf 1884
(1629) ja       816
(1630) jeq      #0x32f           jt 1678	jf 1886
(1631) ja       817
(1632) jeq      #0x330           jt 1681	jf 1888
(1633) ja       818
(1634) jeq      #0x331           jt 1684	jf 1890
(1635) ja       819
(1636) jeq      #0x332           jt 1687	jf 1892
(1637) ja       820
(1638) jeq      #0x333           jt 1690	jf 1894
(1639) ja       821
(1640) jeq      #0x334           jt 1693	jf 1896
(1641) ja       822
(1642) jeq      #0x335           jt 1696	jf 1898
(1643) ja       823
(1644) jeq      #0x336           jt 1699	jf 1900
(1645) ja       824
(1646) jeq      #0x337           jt 1702	jf 1902
(1647) ja       825
(1648) jeq      #0x338           jt 1705	jf 1904
(1649) ja       826
(1650) jeq      #0x339           jt 1708	jf 1906
(1651) ja       827
(1652) jeq      #0x33a           jt 1711	jf 1908
(1653) ja       828
(1654) jeq      #0x33b           jt 1714	jf 1910
(1655) ja       829
(1656) jeq      #0x33c           jt 1717	jf 1912
(1657) ja       830
(1658) jeq      #0x33d           jt 1720	jf 1914
(1659) ja       831
(1660) jeq      #0x33e           jt 1723	jf 1916
(1661) ja       832
(1662) jeq      #0x33f           jt 1726	jf 1918
(1663) ja       833
(1664) jeq      #0x340           jt 1729	jf 1920
(1665) ja       834
(1666) jeq      #0x341           jt 1732	jf 1922
(1667) ja       835
(1668) jeq      #0x342           jt 1735	jf 1924
(1669) ja       836
(1670) jeq      #0x343           jt 1738	jf 1926
(1671) ja       837
(1672) jeq      #0x344           jt 1741	jf 1928
(1673) ja       838
(1674) jeq      #0x345           jt 1744	jf 1930
(1675) ja       839
(1676) jeq      #0x346           jt 1747	jf 1932
(1677) ja       840
(1678) jeq      #0x347           jt 1750	jf 1934
(1679) ja       841
(1680) jeq      #0x348           jt 1753	jf 1936
(1681) ja       842
(1682) jeq      #0x349           jt 1756	jf 1938
(1683) ja       843
(1684) jeq      #0x34a           jt 1759	jf 1940
(1685) ja       844
(1686) jeq      #0x34b           jt 1762	jf 1942
(1687) ja       845
(1688) jeq      #0x34c           jt 1765	jf 1944
(1689) ja       846
(1690) jeq      #0x34d           jt 1768	jf 1946
(1691) ja       847
(1692) jeq      #0x34e           jt 1771	jf 1948
(1693) ja       848
(1694) jeq      #0x34f           jt 1774	jf 1950
(1695) ja       849
(1696) jeq      #0x350           jt 1777	jf 1952
(1697) ja       850
(1698) jeq      #0x351           jt 1780	jf 1954
(1699) ja       851
(1700) jeq      #0x352           jt 1783	jf 1956
(1701) ja       852
(1702) jeq      #0x353           jt 1786	jf 1958
(1703) ja       853
(1704) jeq      #0x354           jt 1789	jf 1960
(1705) ja       854
(1706) jeq      #0x355           jt 1792	jf 1962
(1707) ja       855
(1708) jeq      #0x356           jt 1795	jf 1964
(1709) ja       856
(1710) jeq      #0x357           jt 1798	jf 1966
(1711) ja       857
(1712) jeq      #0x358           jt 1801	jf 1968
(1713) ja       858
(1714) jeq      #0x359           jt 1804	jf 1970
(1715) ja       859
(1716) jeq      #0x35a           jt 1807	jf 1972
(1717) ja       860
(1718) jeq      #0x35b           jt 1810	jf 1974
(1719) ja       861
(1720) jeq      #0x35c           jt 1813	jf 1976
(1721) ja       862
(1722) jeq      #0x35d           jt 1816	jf 1978
(1723) ja       863
(1724) jeq      #0x35e           jt 1819	jf 1980
(1725) ja       864
(1726) jeq      #0x35f           jt 1822	jf 1982
(1727) ja       865
(1728) jeq      #0x360           jt 1825	jf 1984
(1729) ja       866
(1730) jeq      #0x361           jt 1828	jf 1986
(1731) ja       867
(1732) jeq      #0x362           jt 1831	jf 1988
(1733) ja       868
(1734) jeq      #0x363           jt 1834	jf 1990
(1735) ja       869
(1736) jeq      #0x364           jt 1837	jf 1992
(1737) ja       870
(1738) jeq      #0x365           jt 1840	jf 1994
(1739) ja       871
(1740) jeq      #0x366           jt 1843	jf 1996
(1741) ja       872
(1742) jeq      #0x367           jt 1846	jf 1998
(1743) ja       873
(1744) jeq      #0x368           jt 1849	jf 2000
(1745) ja       874
(1746) jeq      #0x369           jt 1852	jf 2002
(1747) ja       875
(1748) jeq      #0x36a           jt 1855	jf 2004
(1749) ja       876
(1750) jeq      #0x36b           jt 1858	jf 2006
(1751) ja       877
(1752) jeq      #0x36c           jt 1861	jf 2008
(1753) ja       878
(1754) jeq      #0x36d           jt 1864	jf 2010
(1755) ja       879
(1756) jeq      #0x36e           jt 1867	jf 2012
(1757) ja       880
(1758) jeq      #0x36f           jt 1870	jf 2014
(1759) ja       881
(1760) jeq      #0x370           jt 1873	jf 2016
(1761) ja       882
(1762) jeq      #0x371           jt 1876	jf 2018
(1763) ja       883
(1764) jeq      #0x372           jt 1879	jf 2020
(1765) ja       884
(1766) jeq      #0x373           jt 1882	jf 2022
(1767) ja       885
(1768) jeq      #0x374           jt 1885	jf 2024
(1769) ja       886
(1770) jeq      #0x375           jt 1888	jf 2026
(1771) ja       887
(1772) jeq      #0x376           jt 1891	jf 2028
(1773) ja       888
(1774) jeq      #0x377           jt 1894	jf 2030
(1775) ja       889
(1776) jeq      #0x378           jt 1897	jf 2032
(1777) ja       890
(1778) jeq      #0x379           jt 1900	jf 2034
(1779) ja       891
(1780) jeq      #0x37a           jt 1903	jf 2036
(1781) ja       892
(1782) jeq      #0x37b           jt 1906	jf 2038
(1783) ja       893
(1784) jeq      #0x37c           jt 1909	jf 2040
(1785) ja       894
(1786) jeq      #0x37d           jt 1912	jf 2042
(1787) ja       895
(1788) jeq      #0x37e           jt 1915	jf 2044
(1789) ja       896
(1790) jeq      #0x37f           jt 1918	jf 2046
(1791) ja       897
(1792) jeq      #0x380           jt 1921	jf 2048
(1793) ja       898
(1794) jeq      #0x381           jt 1924	jf 2050
(1795) ja       899
(1796) jeq      #0x382           jt 1927	jf 2052
(1797) ja       900
(1798) jeq      #0x383           jt 1930	jf 2054
(1799) ja       901
(1800) jeq      #0x384           jt 1933	jf 2056
(1801) ja       902
(1802) jeq      #0x385           jt 1936	jf 2058
(1803) ja       903
(1804) jeq      #0x386           jt 1939	jf 2060
(1805) ja       904
(1806) jeq      #0x387           jt 1942	jf 2062
(1807) ja       905
(1808) jeq      #0x388           jt 1945	jf 2064
(1809) ja       906
(1810) jeq      #0x389           jt 1948	jf 2066
(1811) ja       907
(1812) jeq      #0x38a           jt 1951	jf 2068
(1813) ja       908
(1814) jeq      #0x38b           jt 1954	jf 2070
(1815) ja       909
(1816) jeq      #0x38c           jt 1957	jf 2072
(1817) ja       910
(1818) jeq      #0x38d           jt 1960	jf 2074
(1819) ja       911
(1820) jeq      #0x38e           jt 1963	jf 2076
(1821) ja       912
(1822) jeq      #0x38f           jt 1966	jf 2078
(1823) ja       913
(1824) jeq      #0x390           jt 1969	jf 2080
(1825) ja       914
(1826) jeq      #0x391           jt 1972	jf 2082
(1827) ja       915
(1828) jeq      #0x392           jt 1975	jf 2084
(1829) ja       916
(1830) jeq      #0x393           jt 1978	jf 2086
(1831) ja       917
(1832) jeq      #0x394           jt 1981	jf 2088
(1833) ja       918
(1834) jeq      #0x395           jt 1984	jf 2090
(1835) ja       919
(1836) jeq      #0x396           jt 1987	jf 2092
(1837) ja       920
(1838) jeq      #0x397           jt 1990	jf 2094
(1839) ja       921
(1840) jeq      #0x398           jt 1993	jf 2096
(1841) ja       922
(1842) jeq      #0x399           jt 1996	jf 2098
(1843) ja       923
(1844) jeq      #0x39a           jt 1999	jf 2100
(1845) ja       924
(1846) jeq      #0x39b           jt 2002	jf 2102
(1847) ja       925
(1848) jeq      #0x39c           jt 2005	jf 2104
(1849) ja       926
(1850) jeq      #0x39d           jt 2008	jf 2106
(1851) ja       927
(1852) jeq      #0x39e           jt 2011	jf 2108
(1853) ja       928
(1854) jeq      #0x39f           jt 2014	jf 2110
(1855) ja       929
(1856) jeq      #0x3a0           jt 2017	jf 2112
(1857) ja       930
(1858) jeq      #0x3a1           jt 2020	jf 2114
(1859) ja       931
(1860) jeq      #0x3a2           jt 2023	jf 2116
(1861) ja       932
(1862) jeq      #0x3a3           jt 2026	jf 2118
(1863) ja       933
(1864) jeq      #0x3a4           jt 2029	jf 2120
(1865) ja       934
(1866) jeq      #0x3a5           jt 2032	jf 2122
(1867) ja       935
(1868) jeq      #0x3a6           jt 2035	jf 2124
(1869) ja       936
(1870) jeq      #0x3a7           jt 2038	jf 2126
(1871) ja       937
(1872) jeq      #0x3a8           jt 2041	jf 2128
(1873) ja       938
(1874) jeq      #0x3a9           jt 2044	jf 2130
(1875) ja       939
(1876) jeq      #0x3aa           jt 2047	jf 2132
(1877) ja       940
(1878) jeq      #0x3ab           jt 2050	jf 2134
(1879) ja       941
(1880) jeq      #0x3ac           jt 2053	jf 2136
(1881) ja       942
(1882) jeq      #0x3ad           jt 2056	jf 2138
(1883) ja       943
(1884) jeq      #0x3ae           jt 2059	jf 2140
(1885) ja       944
(1886) jeq      #0x3af           jt 2062	jf 2142
(1887) ja       945
(1888) jeq      #0x3b0           jt 2065	jf 2144
(1889) ja       946
(1890) jeq      #0x3b1           jt 2068	jf 2146
(1891) ja       947
(1892) jeq      #0x3b2           jt 2071	jf 2148
(1893) ja       948
(1894) jeq      #0x3b3           jt 2074	jf 2150
(1895) ja       949
(1896) jeq      #0x3b4           jt 2077	jf 2152
(1897) ja       950
(1898) jeq      #0x3b5           jt 2080	jf 2154
(1899) ja       951
(1900) jeq      #0x3b6           jt 2083	jf 2156
(1901) ja       952
(1902) jeq      #0x3b7           jt 2086	jf 2158
(1903) ja       953
(1904) jeq      #0x3b8           jt 2089	jf 2160
(1905) ja       954
(1906) jeq      #0x3b9           jt 2092	jf 2162
(1907) ja       955
(1908) jeq      #0x3ba           jt 2095	jf 2164
(1909) ja       956
(1910) jeq      #0x3bb           jt 2098	jf 2166
(1911) ja       957
(1912) jeq      #0x3bc           jt 2101	jf 2168
(1913) ja       958
(1914) jeq      #0x3bd           jt 2104	jf 2170
(1915) ja       959
(1916) jeq      #0x3be           jt 2107	jf 2172
(1917) ja       960
(1918) jeq      #0x3bf           jt 2110	jf 2174
(1919) ja       961
(1920) jeq      #0x3c0           jt 2113	jf 2176
(1921) ja       962
(1922) jeq      #0x3c1           jt 2116	jf 2178
(1923) ja       963
(1924) jeq      #0x3c2           jt 2119	jf 2180
(1925) ja       964
(1926) jeq      #0x3c3           jt 2122	jf 2182
(1927) ja       965
(1928) jeq      #0x3c4           jt 2125	jf 2184
(1929) ja       966
(1930) jeq      #0x3c5           jt 2128	jf 2186
(1931) ja       967
(1932) jeq      #0x3c6           jt 2131	jf 2188
(1933) ja       968
(1934) jeq      #0x3c7           jt 2134	jf 2190
(1935) ja       969
(1936) jeq      #0x3c8           jt 2137	jf 2192
(1937) ja       970
(1938) jeq      #0x3c9           jt 2140	jf 2194
(1939) ja       971
(1940) jeq      #0x3ca           jt 2143	jf 2196
(1941) ja       972
(1942) jeq      #0x3cb           jt 2146	jf 2198
(1943) ja       973
(1944) jeq      #0x3cc           jt 2149	jf 2200
(1945) ja       974
(1946) jeq      #0x3cd           jt 2152	jf 2202
(1947) ja       975
(1948) jeq      #0x3ce           jt 2155	jf 2204
(1949) ja       976
(1950) jeq      #0x3cf           jt 2158	jf 2206
(1951) ja       977
(1952) jeq      #0x3d0           jt 2161	jf 2208
(1953) ja       978
(1954) jeq      #0x3d1           jt 2164	jf 2210
(1955) ja       979
(1956) jeq      #0x3d2           jt 2167	jf 2212
(1957) ja       980
(1958) jeq      #0x3d3           jt 2170	jf 2214
(1959) ja       981
(1960) jeq      #0x3d4           jt 2173	jf 2216
(1961) ja       982
(1962) jeq      #0x3d5           jt 2176	jf 2218
(1963) ja       983
(1964) jeq      #0x3d6           jt 2179	jf 2220
(1965) ja       984
(1966) jeq      #0x3d7           jt 2182	jf 2222
(1967) ja       985
(1968) jeq      #0x3d8           jt 2185	jf 2224
(1969) ja       986
(1970) jeq      #0x3d9           jt 2188	jf 2226
(1971) ja       987
(1972) jeq      #0x3da           jt 2191	jf 2228
(1973) ja       988
(1974) jeq      #0x3db           jt 2194	jf 2230
(1975) ja       989
(1976) jeq      #0x3dc           jt 2197	jf 2232
(1977) ja       990
(1978) jeq      #0x3dd           jt 2200	jf 2234
(1979) ja       991
(1980) jeq      #0x3de           jt 2203	jf 2236
(1981) ja       992
(1982) jeq      #0x3df           jt 2206	jf 2238
(1983) ja       993
(1984) jeq      #0x3e0           jt 2209	jf 2240
(1985) ja       994
(1986) jeq      #0x3e1           jt 2212	jf 2242
(1987) ja       995
(1988) jeq      #0x3e2           jt 2215	jf 2244
(1989) ja       996
(1990) jeq      #0x3e3           jt 2218	jf 2246
(1991) ja       997
(1992) jeq      #0x3e4           jt 2221	jf 2248
(1993) ja       998
(1994) jeq      #0x3e5           jt 2224	jf 2250
(1995) ja       999
(1996) jeq      #0x3e6           jt 2227	jf 2252
(1997) ja       1000
(1998) jeq      #0x3e7           jt 2230	jf 2254
(1999) ja       1001
(2000) jeq      #0x3e8           jt 2233	jf 2256
(2001) ja       1002
(2002) jeq      #0x3e9           jt 2236	jf 2258
(2003) ja       1003
(2004) jeq      #0x3ea           jt 2239	jf 2260
(2005) ja       1004
(2006) jeq      #0x3eb           jt 2242	jf 2262
(2007) ja       1005
(2008) jeq      #0x3ec           jt 2245	jf 2264
(2009) ja       1006
